using OneSeed.Compat;
using TorchSharp;
using static TorchSharp.torch;

namespace ImageAugmentation;

/// <summary>
/// A small real image set made here, no download: 3×40×40 uint8 images of horizontal (label 0) or vertical (label 1)
/// stripes with a random period, phase, colours and noise, from a fixed NumPy-compatible generator; each item goes
/// through <paramref name="transform"/> (which draws from <see cref="TorchGenerator.Default"/>) and comes out as float
/// in [0, 1]. Items are TorchSharp's <c>{"image", "label"}</c> dictionaries.
/// </summary>
internal sealed class Stripes : utils.data.Dataset
{
    private const int Side = 40;
    private readonly byte[][] _images;
    private readonly long[] _labels;
    private readonly torchvision.ITransform _transform;

    public Stripes(int count, torchvision.ITransform transform)
    {
        _images = Make(count, out _labels);
        _transform = transform;
    }

    public override long Count => _images.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        Tensor image = tensor(_images[index], ScalarType.Byte).view(3, Side, Side);
        return new()
        {
            ["image"] = _transform.call(image).to(ScalarType.Float32).div_(255f),
            ["label"] = tensor(_labels[index]),
        };
    }

    private static byte[][] Make(int count, out long[] labels)
    {
        var rng = NumPy.DefaultRng(20261207);
        labels = new long[count];
        byte[][] images = new byte[count][];
        for (int n = 0; n < count; n++)
        {
            long label = rng.Integers(0, 2);
            double period = rng.Uniform(4.0, 12.0), phase = rng.Uniform(0.0, 2 * Math.PI);
            double[] colour = rng.Uniform(0.2, 1.0, 3);
            byte[] pixels = new byte[3 * Side * Side];
            for (int c = 0; c < 3; c++)
            {
                for (int y = 0; y < Side; y++)
                {
                    for (int x = 0; x < Side; x++)
                    {
                        double t = label == 0 ? y : x;
                        double v = (0.5 + (0.4 * Math.Sin((2 * Math.PI * t / period) + phase))) * colour[c];
                        v += rng.Normal(0.0, 0.05);
                        pixels[(c * Side * Side) + (y * Side) + x] = (byte)Math.Clamp(Math.Round(v * 255), 0, 255);
                    }
                }
            }

            labels[n] = label;
            images[n] = pixels;
        }

        return images;
    }
}
