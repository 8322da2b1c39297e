using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

internal static partial class ImageOps
{
    /// <summary>The largest value of an image dtype, as <c>F_t._max_value</c>: 255 for uint8, 1 for floats.</summary>
    private static double Bound(Tensor img) => img.is_floating_point() ? 1.0 : 255.0;

    /// <summary>Refuses what <c>F_t._assert_channels(img, [1, 3])</c> refuses.</summary>
    public static void RequireOneOrThreeChannels(Tensor img, string transform)
    {
        long channels = Internal.ImageDimensions.Of(img).Channels;
        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"{transform} needs an image with 1 or 3 channels, as torchvision; got {channels} (shape [{string.Join(", ", img.shape)}]).", nameof(img));
        }
    }

    /// <summary>Refuses images with fewer than 3 dimensions, as the colour ops of <c>functional_tensor</c> do.</summary>
    public static void RequireThreeDimensions(Tensor img, string transform)
    {
        if (img.dim() < 3)
        {
            throw new ArgumentException($"{transform} needs an image tensor with at least 3 dimensions ([..., C, H, W]), as torchvision; got {img.dim()}.", nameof(img));
        }
    }

    /// <summary>Refuses non-uint8 images, as <c>F_t.posterize</c> and <c>F_t.equalize</c> do.</summary>
    public static void RequireByte(Tensor img, string transform)
    {
        if (img.dtype != ScalarType.Byte)
        {
            throw new ArgumentException($"{transform} supports only uint8 image tensors, as torchvision; got {img.dtype}.", nameof(img));
        }
    }

    /// <summary>
    /// <c>F_t.rgb_to_grayscale</c>: <c>(0.2989 r + 0.587 g + 0.114 b).to(dtype)</c> for 3 channels (a copy for 1),
    /// expanded to <paramref name="numOutputChannels"/>.
    /// </summary>
    public static Tensor RgbToGrayscale(Tensor img, long numOutputChannels)
    {
        RequireThreeDimensions(img, "rgb_to_grayscale");
        RequireOneOrThreeChannels(img, "rgb_to_grayscale");
        using var scope = NewDisposeScope();
        Tensor gray;
        if (img.shape[^3] == 3)
        {
            Tensor[] rgb = img.unbind(-3);
            gray = ((0.2989 * rgb[0]) + (0.587 * rgb[1]) + (0.114 * rgb[2])).to_type(img.dtype).unsqueeze(-3);
        }
        else
        {
            gray = img.clone();
        }

        if (numOutputChannels == 3)
        {
            // torchvision returns an expanded view; a contiguous copy holds the same values and owns its memory.
            gray = gray.expand(img.shape).contiguous();
        }

        return gray.MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t._blend</c>: <c>(ratio * img1 + (1 - ratio) * img2).clamp(0, bound).to(img1.dtype)</c>.</summary>
    private static Tensor Blend(Tensor img1, Tensor img2, double ratio)
    {
        double bound = Bound(img1);
        return ((ratio * img1) + ((1.0 - ratio) * img2)).clamp(0, bound).to_type(img1.dtype);
    }

    /// <summary><c>F_t.adjust_brightness</c>.</summary>
    public static Tensor AdjustBrightness(Tensor img, double factor)
    {
        RequireOneOrThreeChannels(img, "adjust_brightness");
        using var scope = NewDisposeScope();
        return Blend(img, zeros_like(img), factor).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t.adjust_contrast</c>: blends with the mean of the grayscale image (float32 for integer images).</summary>
    public static Tensor AdjustContrast(Tensor img, double factor)
    {
        RequireOneOrThreeChannels(img, "adjust_contrast");
        using var scope = NewDisposeScope();
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor source = img.shape[^3] == 3 ? RgbToGrayscale(img, 1) : img;
        Tensor mean = source.to_type(dtype).mean([-3L, -2L, -1L], keepdim: true);
        return Blend(img, mean, factor).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t.adjust_saturation</c>: the image itself for one channel (as torchvision), else a blend with its grayscale.</summary>
    public static Tensor AdjustSaturation(Tensor img, double factor)
    {
        RequireOneOrThreeChannels(img, "adjust_saturation");
        if (img.shape[^3] == 1)
        {
            return img;
        }

        using var scope = NewDisposeScope();
        return Blend(img, RgbToGrayscale(img, 1), factor).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t.adjust_hue</c>: through HSV, uint8 as float32 / 255 and back with truncation; one channel is returned as is.</summary>
    public static Tensor AdjustHue(Tensor img, double factor)
    {
        RequireOneOrThreeChannels(img, "adjust_hue");
        if (img.shape[^3] == 1)
        {
            return img;
        }

        using var scope = NewDisposeScope();
        ScalarType origDtype = img.dtype;
        Tensor x = img;
        if (origDtype == ScalarType.Byte)
        {
            x = x.to_type(ScalarType.Float32) / 255.0;
        }

        Tensor[] hsv = RgbToHsv(x).unbind(-3);
        Tensor h = (hsv[0] + factor) % 1.0;
        Tensor adjusted = HsvToRgb(stack([h, hsv[1], hsv[2]], -3));
        if (origDtype == ScalarType.Byte)
        {
            adjusted = (adjusted * 255.0).to_type(origDtype);
        }

        return adjusted.MoveToOuterDisposeScope();
    }

    private static Tensor RgbToHsv(Tensor img)
    {
        Tensor[] rgb = img.unbind(-3);
        Tensor r = rgb[0], g = rgb[1], b = rgb[2];
        Tensor maxc = img.max(-3).values;
        Tensor minc = img.min(-3).values;
        Tensor eqc = maxc == minc;
        Tensor cr = maxc - minc;
        Tensor ones = ones_like(maxc);
        Tensor s = cr / where(eqc, ones, maxc);
        Tensor crDivisor = where(eqc, ones, cr);
        Tensor rc = (maxc - r) / crDivisor;
        Tensor gc = (maxc - g) / crDivisor;
        Tensor bc = (maxc - b) / crDivisor;
        Tensor hr = (maxc == r) * (bc - gc);
        Tensor hg = ((maxc == g) & (maxc != r)) * (2.0 + rc - bc);
        Tensor hb = ((maxc != g) & (maxc != r)) * (4.0 + gc - rc);
        Tensor h = hr + hg + hb;
        h = fmod((h / 6.0) + 1.0, 1.0);
        return stack([h, s, maxc], -3);
    }

    private static Tensor HsvToRgb(Tensor img)
    {
        Tensor[] hsv = img.unbind(-3);
        Tensor h = hsv[0], s = hsv[1], v = hsv[2];
        Tensor i = floor(h * 6.0);
        Tensor f = (h * 6.0) - i;
        Tensor iInt = i.to_type(ScalarType.Int32);
        Tensor p = clamp(v * (1.0 - s), 0.0, 1.0);
        Tensor q = clamp(v * (1.0 - (s * f)), 0.0, 1.0);
        Tensor t = clamp(v * (1.0 - (s * (1.0 - f))), 0.0, 1.0);
        iInt = iInt % 6;
        Tensor mask = iInt.unsqueeze(-3) == arange(6, device: iInt.device).view(-1, 1, 1);
        Tensor a1 = stack([v, q, p, p, t, v], -3);
        Tensor a2 = stack([t, v, v, q, p, p], -3);
        Tensor a3 = stack([p, p, t, v, v, q], -3);
        Tensor a4 = stack([a1, a2, a3], -4);
        return einsum("...ijk, ...xijk -> ...xjk", mask.to_type(img.dtype), a4);
    }

    /// <summary><c>F_t.invert</c>: <c>bound - img</c>.</summary>
    public static Tensor Invert(Tensor img)
    {
        RequireThreeDimensions(img, "invert");
        RequireOneOrThreeChannels(img, "invert");
        using var scope = NewDisposeScope();
        Tensor bound = img.is_floating_point() ? tensor(1.0, img.dtype) : tensor(255, img.dtype);
        return (bound - img).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t.posterize</c>: <c>img &amp; -(2 ** (8 - bits))</c> on uint8.</summary>
    public static Tensor Posterize(Tensor img, int bits)
    {
        RequireThreeDimensions(img, "posterize");
        RequireByte(img, "posterize");
        RequireOneOrThreeChannels(img, "posterize");
        using var scope = NewDisposeScope();
        // -(2^(8-bits)) as a uint8 bit pattern: the high 'bits' bits set.
        int mask = -(1 << (8 - bits));
        return img.bitwise_and(tensor((byte)(mask & 0xFF), ScalarType.Byte)).MoveToOuterDisposeScope();
    }

    /// <summary>Refuses a threshold above the image's bound, as <c>F_t._assert_threshold</c>.</summary>
    public static void RequireThreshold(Tensor img, double threshold)
    {
        double bound = Bound(img);
        if (threshold > bound)
        {
            throw new ArgumentException($"The solarize threshold {threshold} should be at most {bound}, the largest value of a {img.dtype} image, as torchvision.", nameof(threshold));
        }
    }

    /// <summary><c>F_t.solarize</c>: <c>where(img &gt;= threshold, invert(img), img)</c>.</summary>
    public static Tensor Solarize(Tensor img, double threshold)
    {
        RequireThreeDimensions(img, "solarize");
        RequireOneOrThreeChannels(img, "solarize");
        RequireThreshold(img, threshold);
        using var scope = NewDisposeScope();
        Tensor inverted = Invert(img);
        return where(img >= threshold, inverted, img).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t.adjust_sharpness</c>: the image itself when a side is 2 or less, else a blend with the 3x3 smoothed image.</summary>
    public static Tensor AdjustSharpness(Tensor img, double factor)
    {
        RequireOneOrThreeChannels(img, "adjust_sharpness");
        if (img.shape[^1] <= 2 || img.shape[^2] <= 2)
        {
            return img;
        }

        using var scope = NewDisposeScope();
        return Blend(img, BlurredDegenerateImage(img), factor).MoveToOuterDisposeScope();
    }

    private static Tensor BlurredDegenerateImage(Tensor img)
    {
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor kernel = ones([3, 3], dtype);
        kernel[1, 1] = tensor(5.0, dtype);
        kernel /= kernel.sum();
        kernel = kernel.expand(img.shape[^3], 1, kernel.shape[0], kernel.shape[1]);
        var (x, needCast, needSqueeze, outDtype) = CastSqueezeIn(img, kernel.dtype);
        x = nn.functional.conv2d(x, kernel, groups: x.shape[^3]);
        x = CastSqueezeOut(x, needCast, needSqueeze, outDtype);
        Tensor result = img.clone();
        result[TensorIndex.Ellipsis, TensorIndex.Slice(1, -1), TensorIndex.Slice(1, -1)] = x;
        return result;
    }

    /// <summary><c>F_t.autocontrast</c>: per channel, (img - min) * bound / (max - min), constant channels unchanged.</summary>
    public static Tensor Autocontrast(Tensor img)
    {
        RequireThreeDimensions(img, "autocontrast");
        RequireOneOrThreeChannels(img, "autocontrast");
        using var scope = NewDisposeScope();
        double bound = Bound(img);
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor minimum = img.amin([-2L, -1L], keepdim: true).to_type(dtype);
        Tensor maximum = img.amax([-2L, -1L], keepdim: true).to_type(dtype);
        // Python's bound / tensor is Tensor.__rtruediv__, reciprocal() * bound: not the same rounding as a division.
        Tensor scale = (maximum - minimum).reciprocal() * bound;
        Tensor eqIdxs = isfinite(scale).logical_not();
        minimum[eqIdxs] = tensor(0.0, dtype);
        scale[eqIdxs] = tensor(1.0, dtype);
        return ((img - minimum) * scale).clamp(0, bound).to_type(img.dtype).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t.equalize</c>: per image and channel, the histogram-equalisation lookup of uint8 values.</summary>
    public static Tensor Equalize(Tensor img)
    {
        if (img.dim() is not (3 or 4))
        {
            throw new ArgumentException($"equalize needs an image tensor with 3 or 4 dimensions, as torchvision; got {img.dim()}.", nameof(img));
        }

        RequireByte(img, "equalize");
        RequireOneOrThreeChannels(img, "equalize");
        using var scope = NewDisposeScope();
        Tensor result = img.dim() == 3
            ? EqualizeSingleImage(img)
            : stack(Enumerable.Range(0, (int)img.shape[0]).Select(n => EqualizeSingleImage(img[n])).ToArray());
        return result.MoveToOuterDisposeScope();
    }

    private static Tensor EqualizeSingleImage(Tensor img) =>
        stack(Enumerable.Range(0, (int)img.shape[0]).Select(c => ScaleChannel(img[c])).ToArray());

    private static Tensor ScaleChannel(Tensor channel)
    {
        Tensor hist = channel.reshape(-1).bincount(null, 256);
        Tensor nonzero = hist[hist != 0];
        long step = nonzero[TensorIndex.Slice(null, -1)].sum().item<long>() / 255;
        if (step == 0)
        {
            return channel;
        }

        Tensor lut = (hist.cumsum(0) + (step / 2)).div(step, RoundingMode.floor);
        lut = nn.functional.pad(lut, [1L, 0L])[TensorIndex.Slice(null, -1)].clamp(0, 255);
        return lut[channel.to_type(ScalarType.Int64)].to_type(ScalarType.Byte);
    }
}
