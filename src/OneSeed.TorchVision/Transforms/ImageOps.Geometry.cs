using OneSeed.TorchVision.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace OneSeed.TorchVision;

internal static partial class ImageOps
{
    /// <summary>
    /// <c>F._get_inverse_affine_matrix</c> (inverted): the 2x3 matrix mapping output pixels to input pixels, in double
    /// precision as Python computes it.
    /// </summary>
    public static double[] InverseAffineMatrix((double X, double Y) center, double angle, (double X, double Y) translate, double scale, (double X, double Y) shear)
    {
        double rot = angle * (Math.PI / 180.0);
        double sx = shear.X * (Math.PI / 180.0);
        double sy = shear.Y * (Math.PI / 180.0);
        var (cx, cy) = center;
        var (tx, ty) = translate;
        double a = Math.Cos(rot - sy) / Math.Cos(sy);
        double b = (-Math.Cos(rot - sy) * Math.Tan(sx) / Math.Cos(sy)) - Math.Sin(rot);
        double c = Math.Sin(rot - sy) / Math.Cos(sy);
        double d = (-Math.Sin(rot - sy) * Math.Tan(sx) / Math.Cos(sy)) + Math.Cos(rot);
        double[] matrix = [d, -b, 0.0, -c, a, 0.0];
        for (int k = 0; k < matrix.Length; k++)
        {
            matrix[k] /= scale;
        }

        matrix[2] += (matrix[0] * (-cx - tx)) + (matrix[1] * (-cy - ty));
        matrix[5] += (matrix[3] * (-cx - tx)) + (matrix[4] * (-cy - ty));
        matrix[2] += cx;
        matrix[5] += cy;
        return matrix;
    }

    /// <summary>torchvision's centre argument in pixels, moved so that (0, 0) is the image centre, as <c>F.rotate</c>/<c>F.affine</c> do.</summary>
    public static (double X, double Y) CenterFromImageCenter(Tensor img, (double X, double Y)? center)
    {
        if (center is not { } c)
        {
            return (0.0, 0.0);
        }

        var (_, height, width) = Internal.ImageDimensions.Of(img);
        return (1.0 * (c.X - (width * 0.5)), 1.0 * (c.Y - (height * 0.5)));
    }

    /// <summary><c>F.rotate</c> on a tensor: the inverse affine matrix of -angle about the centre, then <c>F_t.rotate</c>.</summary>
    public static Tensor Rotate(Tensor img, double angle, InterpolationMode interpolation, bool expand, (double X, double Y)? center, IReadOnlyList<double> fill)
    {
        (double X, double Y) centerF = CenterFromImageCenter(img, center);
        double[] matrix = InverseAffineMatrix(centerF, -angle, (0.0, 0.0), 1.0, (0.0, 0.0));
        RequireFillMatchesChannels(img, fill);
        long w = img.shape[^1], h = img.shape[^2];
        var (ow, oh) = expand ? AffineOutputSize(matrix, w, h) : (w, h);
        using var scope = NewDisposeScope();
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor theta = MatrixTensor(matrix, dtype);
        Tensor grid = AffineGrid(theta, w, h, ow, oh);
        return ApplyGridTransform(img, grid, interpolation, fill).MoveToOuterDisposeScope();
    }

    /// <summary><c>F.affine</c> on a tensor: the inverse affine matrix, then <c>F_t.affine</c>.</summary>
    public static Tensor Affine(Tensor img, double angle, (long X, long Y) translate, double scale, (double X, double Y) shear, InterpolationMode interpolation, IReadOnlyList<double> fill, (double X, double Y)? center)
    {
        (double X, double Y) centerF = CenterFromImageCenter(img, center);
        double[] matrix = InverseAffineMatrix(centerF, angle, (1.0 * translate.X, 1.0 * translate.Y), scale, shear);
        RequireFillMatchesChannels(img, fill);
        long w = img.shape[^1], h = img.shape[^2];
        using var scope = NewDisposeScope();
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor theta = MatrixTensor(matrix, dtype);
        Tensor grid = AffineGrid(theta, w, h, w, h);
        return ApplyGridTransform(img, grid, interpolation, fill).MoveToOuterDisposeScope();
    }

    /// <summary><c>torch.tensor(matrix, dtype=dtype).reshape(1, 2, 3)</c>: Python floats straight into the dtype.</summary>
    private static Tensor MatrixTensor(double[] matrix, ScalarType dtype) =>
        dtype == ScalarType.Float64
            ? tensor(matrix, ScalarType.Float64).reshape(1, 2, 3)
            : tensor(matrix.Select(v => (float)v).ToArray(), ScalarType.Float32).reshape(1, 2, 3);

    /// <summary><c>F_t._compute_affine_output_size</c>: the (width, height) holding the whole rotated image, in float32 as torchvision.</summary>
    private static (long Width, long Height) AffineOutputSize(double[] matrix, long w, long h)
    {
        using var scope = NewDisposeScope();
        Tensor pts = tensor(new float[]
        {
            (float)(-0.5 * w), (float)(-0.5 * h), 1.0f,
            (float)(-0.5 * w), (float)(0.5 * h), 1.0f,
            (float)(0.5 * w), (float)(0.5 * h), 1.0f,
            (float)(0.5 * w), (float)(-0.5 * h), 1.0f,
        }).reshape(4, 3);
        Tensor theta = tensor(matrix.Select(v => (float)v).ToArray()).view(2, 3);
        Tensor newPts = matmul(pts, theta.T);
        Tensor minVals = newPts.min(0).values;
        Tensor maxVals = newPts.max(0).values;
        Tensor offset = tensor(new float[] { (float)(w * 0.5), (float)(h * 0.5) });
        minVals += offset;
        maxVals += offset;
        const double tol = 1e-4;
        Tensor cmax = ceil((maxVals / tol).trunc_() * tol);
        Tensor cmin = floor((minVals / tol).trunc_() * tol);
        Tensor size = cmax - cmin;
        return ((long)size[0].item<float>(), (long)size[1].item<float>());
    }

    /// <summary><c>F_t._gen_affine_grid</c>: output pixel centres through theta, normalised by the input size.</summary>
    private static Tensor AffineGrid(Tensor theta, long w, long h, long ow, long oh)
    {
        const double d = 0.5;
        Tensor baseGrid = empty([1, oh, ow, 3], theta.dtype);
        Tensor xGrid = linspace((-ow * 0.5) + d, (ow * 0.5) + d - 1, ow);
        baseGrid[TensorIndex.Ellipsis, TensorIndex.Single(0)].copy_(xGrid);
        Tensor yGrid = linspace((-oh * 0.5) + d, (oh * 0.5) + d - 1, oh).unsqueeze_(-1);
        baseGrid[TensorIndex.Ellipsis, TensorIndex.Single(1)].copy_(yGrid);
        baseGrid[TensorIndex.Ellipsis, TensorIndex.Single(2)].fill_(1);
        Tensor rescaledTheta = theta.transpose(1, 2) / tensor(new[] { 0.5 * w, 0.5 * h }, theta.dtype);
        Tensor outputGrid = baseGrid.view(1, oh * ow, 3).bmm(rescaledTheta);
        return outputGrid.view(1, oh, ow, 2);
    }

    /// <summary>Refuses a fill that cannot broadcast to the channels, as <c>F_t._assert_grid_transform_inputs</c>.</summary>
    public static void RequireFillMatchesChannels(Tensor img, IReadOnlyList<double> fill)
    {
        long channels = Internal.ImageDimensions.Of(img).Channels;
        if (fill.Count > 1 && fill.Count != channels)
        {
            throw new ArgumentException($"The number of elements in 'fill' cannot broadcast to match the number of channels of the image ({fill.Count} != {channels}), as torchvision.", nameof(fill));
        }
    }

    /// <summary>
    /// <c>F_t._apply_grid_transform</c> with a fill (torchvision's transforms always pass one): a ones channel is sampled
    /// with the image to know which output pixels came from outside, which then take the fill.
    /// </summary>
    private static Tensor ApplyGridTransform(Tensor img, Tensor grid, InterpolationMode mode, IReadOnlyList<double> fill)
    {
        var (x, needCast, needSqueeze, outDtype) = CastSqueezeIn(img, grid.dtype);
        if (x.shape[0] > 1)
        {
            grid = grid.expand(x.shape[0], grid.shape[1], grid.shape[2], grid.shape[3]);
        }

        Tensor mask = ones([x.shape[0], 1, x.shape[2], x.shape[3]], x.dtype);
        x = cat([x, mask], 1);
        GridSampleMode sampleMode = mode == InterpolationMode.Nearest ? GridSampleMode.Nearest : GridSampleMode.Bilinear;
        x = nn.functional.grid_sample(x, grid, sampleMode, GridSamplePaddingMode.Zeros, align_corners: false);
        mask = x[TensorIndex.Colon, TensorIndex.Slice(-1, null), TensorIndex.Colon, TensorIndex.Colon];
        x = x[TensorIndex.Colon, TensorIndex.Slice(null, -1), TensorIndex.Colon, TensorIndex.Colon];
        mask = mask.expand_as(x);
        Tensor fillImg = FillTensor(fill, x.dtype).view(1, fill.Count, 1, 1).expand_as(x);
        if (mode == InterpolationMode.Nearest)
        {
            Tensor outside = mask < 0.5;
            x = x.clone();
            x[outside] = fillImg[outside];
        }
        else
        {
            x = (x * mask) + ((1.0 - mask) * fillImg);
        }

        return CastSqueezeOut(x, needCast, needSqueeze, outDtype);
    }

    /// <summary><c>torch.tensor(fill_list, dtype=dtype)</c>: the Python floats rounded to the image's float dtype.</summary>
    private static Tensor FillTensor(IReadOnlyList<double> fill, ScalarType dtype) =>
        dtype == ScalarType.Float64
            ? tensor(fill.ToArray(), ScalarType.Float64)
            : tensor(fill.Select(v => (float)v).ToArray(), ScalarType.Float32);

    /// <summary>
    /// <c>F._get_perspective_coeffs</c>: the eight coefficients mapping output to input points, solved as torchvision
    /// solves them, with float32 <c>torch.linalg.lstsq(driver="gels")</c> (reference LAPACK's rounding: the system is
    /// ill-conditioned, so a float32 solution is percents from the exact one, and only the same rounding gives
    /// torchvision's coefficients and pixels).
    /// </summary>
    /// <exception cref="ArgumentException">The points make the system singular (torch's lstsq raises too).</exception>
    public static double[] PerspectiveCoefficients(IReadOnlyList<(int X, int Y)> startpoints, IReadOnlyList<(int X, int Y)> endpoints)
    {
        // Column-major, as torch hands the matrix to LAPACK; entries are Python ints rounded to float32.
        var a = new float[8 * 8];
        var b = new float[8];
        for (int i = 0; i < 4; i++)
        {
            var (p1x, p1y) = endpoints[i];
            var (p2x, p2y) = startpoints[i];
            float[] row0 = [p1x, p1y, 1, 0, 0, 0, -(long)p2x * p1x, -(long)p2x * p1y];
            float[] row1 = [0, 0, 0, p1x, p1y, 1, -(long)p2y * p1x, -(long)p2y * p1y];
            for (int k = 0; k < 8; k++)
            {
                a[(2 * i) + (k * 8)] = row0[k];
                a[(2 * i) + 1 + (k * 8)] = row1[k];
            }

            b[2 * i] = p2x;
            b[(2 * i) + 1] = p2y;
        }

        if (!ReferenceLapackSgels.Solve(a, 8, 8, b))
        {
            throw new ArgumentException("The perspective points are degenerate: the system for the coefficients is singular (torch.linalg.lstsq refuses it too).");
        }

        return [.. b.Select(v => (double)v)];
    }

    /// <summary><c>F.perspective</c> on a tensor: the coefficients, then <c>F_t.perspective</c>.</summary>
    public static Tensor Perspective(Tensor img, IReadOnlyList<(int X, int Y)> startpoints, IReadOnlyList<(int X, int Y)> endpoints, InterpolationMode interpolation, IReadOnlyList<double> fill)
    {
        double[] coeffs = PerspectiveCoefficients(startpoints, endpoints);
        RequireFillMatchesChannels(img, fill);
        long ow = img.shape[^1], oh = img.shape[^2];
        using var scope = NewDisposeScope();
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor grid = PerspectiveGrid(coeffs, ow, oh, dtype);
        return ApplyGridTransform(img, grid, interpolation, fill).MoveToOuterDisposeScope();
    }

    /// <summary><c>F_t._perspective_grid</c>.</summary>
    private static Tensor PerspectiveGrid(double[] coeffs, long ow, long oh, ScalarType dtype)
    {
        Tensor theta1 = MatrixTensor([coeffs[0], coeffs[1], coeffs[2], coeffs[3], coeffs[4], coeffs[5]], dtype);
        Tensor theta2 = MatrixTensor([coeffs[6], coeffs[7], 1.0, coeffs[6], coeffs[7], 1.0], dtype);
        const double d = 0.5;
        Tensor baseGrid = empty([1, oh, ow, 3], dtype);
        Tensor xGrid = linspace(d, (ow * 1.0) + d - 1.0, ow);
        baseGrid[TensorIndex.Ellipsis, TensorIndex.Single(0)].copy_(xGrid);
        Tensor yGrid = linspace(d, (oh * 1.0) + d - 1.0, oh).unsqueeze_(-1);
        baseGrid[TensorIndex.Ellipsis, TensorIndex.Single(1)].copy_(yGrid);
        baseGrid[TensorIndex.Ellipsis, TensorIndex.Single(2)].fill_(1);
        Tensor rescaledTheta1 = theta1.transpose(1, 2) / tensor(new[] { 0.5 * ow, 0.5 * oh }, dtype);
        Tensor outputGrid1 = baseGrid.view(1, oh * ow, 3).bmm(rescaledTheta1);
        Tensor outputGrid2 = baseGrid.view(1, oh * ow, 3).bmm(theta2.transpose(1, 2));
        Tensor outputGrid = (outputGrid1 / outputGrid2) - 1.0;
        return outputGrid.view(1, oh, ow, 2);
    }

    /// <summary><c>F_t.gaussian_blur</c>: a separable Gaussian kernel as a 2-D depthwise convolution over a reflect-padded image.</summary>
    public static Tensor GaussianBlur(Tensor img, (long X, long Y) kernelSize, (double X, double Y) sigma)
    {
        using var scope = NewDisposeScope();
        ScalarType dtype = img.is_floating_point() ? img.dtype : ScalarType.Float32;
        Tensor kernelX = GaussianKernel1d(kernelSize.X, sigma.X).to_type(dtype);
        Tensor kernelY = GaussianKernel1d(kernelSize.Y, sigma.Y).to_type(dtype);
        Tensor kernel = mm(kernelY.unsqueeze(1), kernelX.unsqueeze(0));
        kernel = kernel.expand(img.shape[^3], 1, kernel.shape[0], kernel.shape[1]);
        var (x, needCast, needSqueeze, outDtype) = CastSqueezeIn(img, kernel.dtype);
        long[] padding = [kernelSize.X / 2, kernelSize.X / 2, kernelSize.Y / 2, kernelSize.Y / 2];
        x = nn.functional.pad(x, padding, PaddingModes.Reflect);
        x = nn.functional.conv2d(x, kernel, groups: x.shape[^3]);
        return CastSqueezeOut(x, needCast, needSqueeze, outDtype).MoveToOuterDisposeScope();
    }

    private static Tensor GaussianKernel1d(long kernelSize, double sigma)
    {
        double ksizeHalf = (kernelSize - 1) * 0.5;
        Tensor x = linspace(-ksizeHalf, ksizeHalf, kernelSize);
        Tensor pdf = exp(-0.5 * (x / sigma).pow(2));
        return pdf / pdf.sum();
    }
}
