using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

/// <summary>
/// torchvision 0.14's tensor functional ops (<c>transforms/functional_tensor.py</c> and the tensor branches of
/// <c>functional.py</c>), transcribed onto TorchSharp tensor operations. TorchSharp's own
/// <c>torchvision.transforms.functional</c> is not used: its ports differ from torchvision 0.14 in ways that change pixels
/// (its <c>affine</c> always samples nearest and has no centre, <c>adjust_hue</c> is a native op that skips 3-D
/// tensors, <c>autocontrast</c> replaces constant channels differently, <c>pad</c> has no symmetric mode, fills are single
/// numbers); see docs/torchvision.md.
/// </summary>
/// <remarks>
/// Every op works on <c>[..., C, H, W]</c> tensors as torchvision's does, returns a new tensor (never the input, except
/// where torchvision returns its input unchanged, which is said), and frees its intermediates with a dispose scope.
/// </remarks>
internal static partial class ImageOps
{
    /// <summary><c>F_t.hflip</c>: <c>img.flip(-1)</c>.</summary>
    public static Tensor HorizontalFlip(Tensor img) => img.flip(-1);

    /// <summary><c>F_t.vflip</c>: <c>img.flip(-2)</c>.</summary>
    public static Tensor VerticalFlip(Tensor img) => img.flip(-2);

    /// <summary>
    /// <c>F_t.crop</c>: the box when it lies inside the image, else the part inside padded with zeros (a new tensor).
    /// The in-bounds box is made contiguous: a copy, or, when the box already lies contiguously in memory, a view of
    /// the image, as torchvision's slice always is.
    /// </summary>
    public static Tensor Crop(Tensor img, long top, long left, long height, long width)
    {
        var (_, h, w) = Internal.ImageDimensions.Of(img);
        long right = left + width;
        long bottom = top + height;
        using var scope = NewDisposeScope();
        if (left < 0 || top < 0 || right > w || bottom > h)
        {
            long[] paddingLtrb =
            [
                Math.Max(-left + Math.Min(0, right), 0),
                Math.Max(-top + Math.Min(0, bottom), 0),
                Math.Max(right - Math.Max(w, left), 0),
                Math.Max(bottom - Math.Max(h, top), 0),
            ];
            Tensor inside = img[TensorIndex.Ellipsis, TensorIndex.Slice(Math.Max(top, 0), bottom), TensorIndex.Slice(Math.Max(left, 0), right)];
            return Pad(inside, paddingLtrb, 0, PaddingMode.Constant).MoveToOuterDisposeScope();
        }

        return img[TensorIndex.Ellipsis, TensorIndex.Slice(top, bottom), TensorIndex.Slice(left, right)].contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <c>F_t.pad</c> with torchvision's padding already parsed to (left, top, right, bottom); constant, edge
    /// (<c>replicate</c>), reflect and symmetric modes, non-float images cast to float32 and back for edge and reflect.
    /// </summary>
    public static Tensor Pad(Tensor img, IReadOnlyList<long> paddingLtrb, double fill, PaddingMode mode)
    {
        // torchvision's order inside: [left, right, top, bottom].
        long[] p = [paddingLtrb[0], paddingLtrb[2], paddingLtrb[1], paddingLtrb[3]];
        using var scope = NewDisposeScope();
        if (mode == PaddingMode.Symmetric)
        {
            return PadSymmetric(img, p).MoveToOuterDisposeScope();
        }

        // Edge and reflect padding of non-float images go through float32 (pytorch/pytorch#40763), as torchvision;
        // the padded values are the image's own, so the round trip is exact.
        var (x, needCast, needSqueeze, outDtype) = mode == PaddingMode.Constant
            ? CastSqueezeIn(img, img.dtype)
            : CastSqueezeIn(img, ScalarType.Float32, ScalarType.Float64);
        x = mode switch
        {
            PaddingMode.Edge => nn.functional.pad(x, p, PaddingModes.Replicate),
            PaddingMode.Reflect => nn.functional.pad(x, p, PaddingModes.Reflect),
            _ => nn.functional.pad(x, p, PaddingModes.Constant, fill),
        };
        x = CastSqueezeOut(x, needCast, needSqueeze, outDtype);
        return x.MoveToOuterDisposeScope();
    }

    private static Tensor PadSymmetric(Tensor img, long[] padding)
    {
        // padding is left, right, top, bottom; negative entries crop first.
        if (padding.Any(x => x < 0))
        {
            long cropLeft = -Math.Min(padding[0], 0), cropRight = -Math.Min(padding[1], 0);
            long cropTop = -Math.Min(padding[2], 0), cropBottom = -Math.Min(padding[3], 0);
            img = img[TensorIndex.Ellipsis, TensorIndex.Slice(cropTop, img.shape[^2] - cropBottom), TensorIndex.Slice(cropLeft, img.shape[^1] - cropRight)];
            padding = padding.Select(x => Math.Max(x, 0)).ToArray();
        }

        long[] sizes = img.shape;
        Tensor xIndices = tensor(SymmetricIndices(sizes[^1], padding[0], padding[1]), ScalarType.Int64);
        Tensor yIndices = tensor(SymmetricIndices(sizes[^2], padding[2], padding[3]), ScalarType.Int64);
        Tensor rows = yIndices.unsqueeze(1);
        Tensor columns = xIndices.unsqueeze(0);
        return img.dim() switch
        {
            3 => img[TensorIndex.Colon, TensorIndex.Tensor(rows), TensorIndex.Tensor(columns)],
            4 => img[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Tensor(rows), TensorIndex.Tensor(columns)],
            _ => throw new ArgumentException($"Symmetric padding of {img.dim()}-D tensors is not supported (torchvision supports [C, H, W] and [N, C, H, W]).", nameof(img)),
        };
    }

    private static long[] SymmetricIndices(long size, long before, long after)
    {
        // [before-1, ..., 0] + [0, ..., size-1] + [-1, ..., -after]; negative indices count from the end.
        var indices = new List<long>();
        for (long i = before - 1; i >= 0; i--)
        {
            indices.Add(i);
        }

        for (long i = 0; i < size; i++)
        {
            indices.Add(i);
        }

        for (long i = 0; i < after; i++)
        {
            indices.Add(size - (i + 1));
        }

        return indices.ToArray();
    }

    /// <summary>
    /// <c>F.resize</c> to an exact (height, width) on the tensor path: the input itself when it already has that size
    /// (as torchvision returns it), else <c>interpolate</c> in float32 (float64 stays float64), bicubic uint8 clamped,
    /// integer outputs rounded before the cast.
    /// </summary>
    public static Tensor Resize(Tensor img, long height, long width, InterpolationMode interpolation, bool antialias)
    {
        var (_, h, w) = Internal.ImageDimensions.Of(img);
        if (h == height && w == width)
        {
            return img;
        }

        using var scope = NewDisposeScope();
        var (x, needCast, needSqueeze, outDtype) = CastSqueezeIn(img, ScalarType.Float32, ScalarType.Float64);
        bool? alignCorners = interpolation is InterpolationMode.Bilinear or InterpolationMode.Bicubic ? false : null;
        if (antialias && width == 1 && height != 1)
        {
            // libtorch 2.10's antialiased kernels give other values than torch 1.13's (and than the separable filter both
            // describe) when the output is one pixel wide and the height changes; the filter is separable, so the same
            // resize of the transposed image, whose output is then one pixel high, gives torch 1.13's values.
            x = nn.functional.interpolate(x.transpose(-1, -2), size: [width, height], mode: interpolation, align_corners: alignCorners, antialias: true).transpose(-1, -2).contiguous();
        }
        else
        {
            x = nn.functional.interpolate(x, size: [height, width], mode: interpolation, align_corners: alignCorners, antialias: antialias);
        }
        if (interpolation == InterpolationMode.Bicubic && outDtype == ScalarType.Byte)
        {
            x = x.clamp(0, 255);
        }

        return CastSqueezeOut(x, needCast, needSqueeze, outDtype).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t._cast_squeeze_in</c>: a 4-D view, cast to the first required dtype unless already one of them.</summary>
    private static (Tensor Image, bool NeedCast, bool NeedSqueeze, ScalarType OutDtype) CastSqueezeIn(Tensor img, params ScalarType[] required)
    {
        bool needSqueeze = false;
        if (img.dim() < 4)
        {
            img = img.unsqueeze(0);
            needSqueeze = true;
        }

        ScalarType outDtype = img.dtype;
        bool needCast = false;
        if (!required.Contains(outDtype))
        {
            needCast = true;
            img = img.to_type(required[0]);
        }

        return (img, needCast, needSqueeze, outDtype);
    }

    /// <summary><c>F_t._cast_squeeze_out</c>: squeezes back and, for integer outputs, rounds before the cast.</summary>
    private static Tensor CastSqueezeOut(Tensor img, bool needCast, bool needSqueeze, ScalarType outDtype)
    {
        if (needSqueeze)
        {
            img = img.squeeze(0);
        }

        if (needCast)
        {
            if (outDtype is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64)
            {
                img = img.round();
            }

            img = img.to_type(outDtype);
        }

        return img;
    }

    /// <summary>
    /// <c>F_t.erase</c>: a copy of the image (or the image itself when <paramref name="inplace"/>) with
    /// <c>img[..., i:i+h, j:j+w] = v</c>.
    /// </summary>
    public static Tensor Erase(Tensor img, long i, long j, long h, long w, Tensor v, bool inplace)
    {
        Tensor result = inplace ? img : img.clone();
        result[TensorIndex.Ellipsis, TensorIndex.Slice(i, i + h), TensorIndex.Slice(j, j + w)] = v;
        return result;
    }
}
