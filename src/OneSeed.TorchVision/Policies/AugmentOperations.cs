using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision.Policies;

/// <summary>
/// torchvision 0.14's <c>autoaugment._apply_op</c> and the tensor-path functions it calls (<c>functional.py</c>,
/// <c>functional_tensor.py</c>), ported to TorchSharp tensor operations for uint8 images <c>[C, H, W]</c> or
/// <c>[N, C, H, W]</c> with 1 or 3 channels.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's own <c>torchvision.transforms.functional</c> (src/TorchVision/Functional.cs) is not used for
/// these: its <c>affine</c> always samples nearest, takes one fill value and has no centre argument (torchvision's
/// ShearX/ShearY shear about the top-left corner); its affine matrix is computed in float32 where torchvision uses
/// Python doubles; its <c>rgb_to_grayscale</c> turns uint8 into [0, 1] floats, so <c>adjust_saturation</c> and
/// <c>adjust_contrast</c> blend a uint8 image with a grey of at most 1; its <c>autocontrast</c> resets the minimum of
/// flat channels by batch index only (every channel of that image, in a batch) and divides where torchvision
/// multiplies by a reciprocal; its <c>equalize</c> reads exactly 3 channels. Each function below follows torchvision's
/// source line by line; the comments say where torch's arithmetic matters. Callers own the returned tensor;
/// intermediates are disposed by the caller's scope.
/// </remarks>
internal static class AugmentOperations
{
    // CPython's math.degrees / math.radians constants (Modules/mathmodule.c).
    private const double DegreesPerRadian = 180.0 / Math.PI;
    private const double RadiansPerDegree = Math.PI / 180.0;

    /// <summary><c>_apply_op(img, op_name, magnitude, interpolation, fill)</c>.</summary>
    public static Tensor Apply(Tensor img, AugmentStep step, InterpolationMode interpolation, float[]? fill)
    {
        double magnitude = step.Magnitude;
        long width = img.shape[^1];
        long height = img.shape[^2];
        return step.Operation switch
        {
            AugmentOperation.ShearX => Affine(img, 0.0, (0.0, 0.0), ((Math.Atan(magnitude) * DegreesPerRadian), 0.0), (-width * 0.5, -height * 0.5), interpolation, fill),
            AugmentOperation.ShearY => Affine(img, 0.0, (0.0, 0.0), (0.0, Math.Atan(magnitude) * DegreesPerRadian), (-width * 0.5, -height * 0.5), interpolation, fill),
            AugmentOperation.TranslateX => Affine(img, 0.0, (Math.Truncate(magnitude), 0.0), (0.0, 0.0), (0.0, 0.0), interpolation, fill),
            AugmentOperation.TranslateY => Affine(img, 0.0, (0.0, Math.Truncate(magnitude)), (0.0, 0.0), (0.0, 0.0), interpolation, fill),

            // F.rotate passes -angle to the matrix (torchvision's rotate/affine sign convention).
            AugmentOperation.Rotate => GridTransform(img, InverseAffineMatrix((0.0, 0.0), -magnitude, (0.0, 0.0), 1.0, (0.0, 0.0)), interpolation, fill),
            AugmentOperation.Brightness => Blend(img, zeros_like(img), 1.0 + magnitude),
            AugmentOperation.Color => AdjustSaturation(img, 1.0 + magnitude),
            AugmentOperation.Contrast => AdjustContrast(img, 1.0 + magnitude),
            AugmentOperation.Sharpness => AdjustSharpness(img, 1.0 + magnitude),
            AugmentOperation.Posterize => Posterize(img, (int)magnitude),
            AugmentOperation.Solarize => Solarize(img, magnitude),
            AugmentOperation.AutoContrast => AutoContrast(img),
            AugmentOperation.Equalize => Equalize(img),
            AugmentOperation.Invert => Invert(img),
            _ => img.alias(),
        };
    }

    /// <summary><c>F.affine</c> on a tensor: <c>center</c> already made relative to the image centre (<c>center_f</c>).</summary>
    private static Tensor Affine(Tensor img, double angle, (double X, double Y) translate, (double X, double Y) shear, (double X, double Y) center, InterpolationMode interpolation, float[]? fill) =>
        GridTransform(img, InverseAffineMatrix(center, angle, translate, 1.0, shear), interpolation, fill);

    /// <summary><c>functional._get_inverse_affine_matrix(center, angle, translate, scale, shear)</c> in Python's double arithmetic.</summary>
    internal static double[] InverseAffineMatrix((double X, double Y) center, double angle, (double X, double Y) translate, double scale, (double X, double Y) shear)
    {
        double rot = angle * RadiansPerDegree;
        double sx = shear.X * RadiansPerDegree;
        double sy = shear.Y * RadiansPerDegree;
        (double cx, double cy) = center;
        (double tx, double ty) = translate;
        double a = Math.Cos(rot - sy) / Math.Cos(sy);
        double b = (-Math.Cos(rot - sy) * Math.Tan(sx) / Math.Cos(sy)) - Math.Sin(rot);
        double c = Math.Sin(rot - sy) / Math.Cos(sy);
        double d = (-Math.Sin(rot - sy) * Math.Tan(sx) / Math.Cos(sy)) + Math.Cos(rot);
        double[] matrix = [d / scale, -b / scale, 0.0 / scale, -c / scale, a / scale, 0.0 / scale];
        matrix[2] += (matrix[0] * (-cx - tx)) + (matrix[1] * (-cy - ty));
        matrix[5] += (matrix[3] * (-cx - tx)) + (matrix[4] * (-cy - ty));
        matrix[2] += cx;
        matrix[5] += cy;
        return matrix;
    }

    /// <summary>
    /// <c>functional_tensor.affine</c>/<c>rotate</c> (no expand): theta as float32, <c>_gen_affine_grid</c>, then
    /// <c>_apply_grid_transform</c> (grid_sample with a mask channel for the fill, rounding back to uint8).
    /// </summary>
    private static Tensor GridTransform(Tensor img, double[] matrix, InterpolationMode interpolation, float[]? fill)
    {
        long w = img.shape[^1];
        long h = img.shape[^2];
        using Tensor theta = tensor(Array.ConvertAll(matrix, m => (float)m), [1, 2, 3], ScalarType.Float32);
        Tensor grid = AffineGrid(theta, w, h, w, h);

        Tensor batch = CastSqueezeIn(img, out bool squeeze, out ScalarType outType);

        if (batch.shape[0] > 1)
        {
            grid = grid.expand(batch.shape[0], grid.shape[1], grid.shape[2], grid.shape[3]);
        }

        if (fill is not null)
        {
            Tensor mask = ones([batch.shape[0], 1, batch.shape[2], batch.shape[3]], batch.dtype);
            batch = cat([batch, mask], 1);
        }

        GridSampleMode mode = interpolation == InterpolationMode.Nearest ? GridSampleMode.Nearest : GridSampleMode.Bilinear;
        Tensor result = nn.functional.grid_sample(batch, grid, mode, GridSamplePaddingMode.Zeros, align_corners: false);
        if (fill is not null)
        {
            long channels = result.shape[1] - 1;
            Tensor mask = result[.., (int)channels..].expand(result.shape[0], channels, result.shape[2], result.shape[3]);
            result = result[.., ..(int)channels];
            Tensor fillImage = tensor(fill, ScalarType.Float32).view(1, fill.Length, 1, 1).expand_as(result);
            result = interpolation == InterpolationMode.Nearest
                ? where(mask < 0.5, fillImage, result)
                : (result * mask) + ((1.0 - mask) * fillImage);
        }

        return CastSqueezeOut(result, squeeze, outType);
    }

    /// <summary><c>_cast_squeeze_in(img, [float32])</c>: a 4-D float32 view of <paramref name="img"/>.</summary>
    private static Tensor CastSqueezeIn(Tensor img, out bool squeeze, out ScalarType outType)
    {
        squeeze = img.ndim < 4;
        Tensor batch = squeeze ? img.unsqueeze(0) : img;
        outType = batch.dtype;
        return outType == ScalarType.Float32 ? batch : batch.to(ScalarType.Float32);
    }

    /// <summary><c>_cast_squeeze_out</c>: back to the input's rank and dtype, rounding first for integer types ("it is better to round before cast").</summary>
    private static Tensor CastSqueezeOut(Tensor result, bool squeeze, ScalarType outType)
    {
        if (squeeze)
        {
            result = result.squeeze(0);
        }

        if (outType == ScalarType.Float32)
        {
            return result;
        }

        return (outType is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64 ? result.round() : result).to(outType);
    }

    /// <summary>
    /// <c>_gen_affine_grid(theta, w, h, ow, oh)</c>: the base grid from torch 1.13's float32 linspace, then
    /// <c>base_grid.view(1, oh·ow, 3).bmm(theta.transpose(1, 2) / [0.5·w, 0.5·h])</c>.
    /// </summary>
    private static Tensor AffineGrid(Tensor theta, long w, long h, long ow, long oh)
    {
        const double d = 0.5;
        float[] xs = TorchLinspace.Float32((-ow * 0.5) + d, (ow * 0.5) + d - 1, (int)ow);
        float[] ys = TorchLinspace.Float32((-oh * 0.5) + d, (oh * 0.5) + d - 1, (int)oh);
        float[] baseGrid = new float[oh * ow * 3];
        for (long y = 0; y < oh; y++)
        {
            for (long x = 0; x < ow; x++)
            {
                long at = ((y * ow) + x) * 3;
                baseGrid[at] = xs[x];
                baseGrid[at + 1] = ys[y];
                baseGrid[at + 2] = 1f;
            }
        }

        using Tensor divisor = tensor(new[] { (float)(0.5 * w), (float)(0.5 * h) }, ScalarType.Float32);
        Tensor rescaled = theta.transpose(1, 2) / divisor;
        return tensor(baseGrid, [1, oh * ow, 3], ScalarType.Float32).bmm(rescaled).view(1, oh, ow, 2);
    }

    /// <summary><c>_blend(img1, img2, ratio)</c>: <c>(ratio·img1 + (1 − ratio)·img2).clamp(0, bound).to(img1.dtype)</c>.</summary>
    private static Tensor Blend(Tensor img1, Tensor img2, double ratio)
    {
        double bound = img1.is_floating_point() ? 1.0 : 255.0;
        return ((img1 * ratio) + (img2 * (1.0 - ratio))).clamp(0.0, bound).to(img1.dtype);
    }

    /// <summary><c>rgb_to_grayscale(img)</c> for 3 channels: <c>(0.2989·r + 0.587·g + 0.114·b).to(img.dtype)</c>, channel kept.</summary>
    private static Tensor Grayscale(Tensor img)
    {
        Tensor[] rgb = img.unbind(-3);
        return ((rgb[0] * 0.2989) + (rgb[1] * 0.587) + (rgb[2] * 0.114)).to(img.dtype).unsqueeze(-3);
    }

    private static Tensor AdjustSaturation(Tensor img, double factor) =>
        img.shape[^3] == 1 ? img.alias() : Blend(img, Grayscale(img), factor);

    private static Tensor AdjustContrast(Tensor img, double factor)
    {
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor grey = img.shape[^3] == 3 ? Grayscale(img) : img;
        Tensor mean = grey.to(dtype).mean([-3L, -2L, -1L], keepdim: true);
        return Blend(img, mean, factor);
    }

    private static Tensor AdjustSharpness(Tensor img, double factor) =>
        img.shape[^1] <= 2 || img.shape[^2] <= 2 ? img.alias() : Blend(img, BlurredDegenerateImage(img), factor);

    /// <summary><c>_blurred_degenerate_image</c>: a 3×3 smoothing kernel (centre 5, else 1, over 13) on the interior, borders kept.</summary>
    private static Tensor BlurredDegenerateImage(Tensor img)
    {
        Tensor kernel = ones([3, 3], ScalarType.Float32);
        kernel[1, 1] = tensor(5.0f);
        kernel = kernel / kernel.sum();
        kernel = kernel.expand(img.shape[^3], 1, 3, 3);

        Tensor batch = CastSqueezeIn(img, out bool squeeze, out ScalarType outType);

        Tensor blurred = CastSqueezeOut(nn.functional.conv2d(batch, kernel, groups: batch.shape[^3]), squeeze, outType);

        Tensor result = img.clone();
        result[TensorIndex.Ellipsis, TensorIndex.Slice(1, -1), TensorIndex.Slice(1, -1)] = blurred;
        return result;
    }

    /// <summary><c>posterize(img, bits)</c>: <c>img &amp; -(2^(8 − bits))</c>, the mask taken as uint8.</summary>
    private static Tensor Posterize(Tensor img, int bits)
    {
        using Tensor mask = tensor(unchecked((byte)-(1 << (8 - bits))));
        return img.bitwise_and(mask);
    }

    /// <summary><c>solarize(img, threshold)</c>: <c>where(img &gt;= threshold, bound − img, img)</c> (the comparison in float32).</summary>
    private static Tensor Solarize(Tensor img, double threshold) => where(img >= threshold, Invert(img), img);

    private static Tensor Invert(Tensor img)
    {
        using Tensor bound = img.is_floating_point() ? tensor(1.0f).to(img.dtype) : tensor((byte)255).to(img.dtype);
        return bound - img;
    }

    /// <summary>
    /// <c>autocontrast(img)</c>: per channel <c>(img − min)·scale</c> with <c>scale = 255 / (max − min)</c>, which Python evaluates
    /// as <c>(max − min).reciprocal() * 255</c> (<c>Tensor.__rtruediv__</c>); channels with max = min are left as they are.
    /// </summary>
    private static Tensor AutoContrast(Tensor img)
    {
        double bound = img.is_floating_point() ? 1.0 : 255.0;
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor minimum = img.amin([-2L, -1L], keepdim: true).to(dtype);
        Tensor maximum = img.amax([-2L, -1L], keepdim: true).to(dtype);
        Tensor scale = (maximum - minimum).reciprocal() * bound;
        Tensor equal = scale.isfinite().logical_not();
        minimum = where(equal, zeros_like(minimum), minimum);
        scale = where(equal, ones_like(scale), scale);
        return ((img - minimum) * scale).clamp(0.0, bound).to(img.dtype);
    }

    /// <summary>
    /// <c>equalize(img)</c> (uint8): per channel plane, torchvision's <c>_scale_channel</c> in exact integer arithmetic
    /// (bincount, step = sum of the non-zero bins but the last, floor-divided by 255; the cumulative look-up table).
    /// </summary>
    private static Tensor Equalize(Tensor img)
    {
        using Tensor contiguous = img.contiguous();
        byte[] pixels = contiguous.data<byte>().ToArray();
        long planeSize = img.shape[^1] * img.shape[^2];
        Span<long> histogram = stackalloc long[256];
        Span<byte> lut = stackalloc byte[256];
        for (long start = 0; start < pixels.LongLength; start += planeSize)
        {
            Span<byte> plane = pixels.AsSpan((int)start, (int)planeSize);
            histogram.Clear();
            foreach (byte p in plane)
            {
                histogram[p]++;
            }

            long total = 0;
            long last = 0;
            foreach (long count in histogram)
            {
                if (count != 0)
                {
                    total += count;
                    last = count;
                }
            }

            long step = (total - last) / 255;
            if (step == 0)
            {
                continue;
            }

            long cumulative = 0;
            lut[0] = 0;
            for (int bin = 0; bin < 255; bin++)
            {
                cumulative += histogram[bin];
                lut[bin + 1] = (byte)Math.Clamp((cumulative + (step / 2)) / step, 0, 255);
            }

            for (int i = 0; i < plane.Length; i++)
            {
                plane[i] = lut[plane[i]];
            }
        }

        return tensor(pixels, img.shape, ScalarType.Byte);
    }
}
