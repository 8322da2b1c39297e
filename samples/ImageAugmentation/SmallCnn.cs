using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageAugmentation;

/// <summary>A two-layer CNN for 3×32×32 images and two classes, trained by plain SGD (no optimizer state to save).</summary>
internal sealed class SmallCnn : IDisposable
{
    private const float LearningRate = 0.05f;
    private readonly Sequential _model = nn.Sequential(
        ("conv1", nn.Conv2d(3, 8, 3, padding: 1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
        ("conv2", nn.Conv2d(8, 16, 3, padding: 1)), ("relu2", nn.ReLU()), ("pool2", nn.AdaptiveAvgPool2d(1)),
        ("flat", nn.Flatten()), ("fc", nn.Linear(16, 2)));

    public void Step(Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        _model.train();
        _model.zero_grad();
        Tensor loss = nn.functional.cross_entropy(_model.call(images), labels);
        loss.backward();
        using (no_grad())
        {
            foreach (Parameter p in _model.parameters())
            {
                p.sub_(p.grad! * LearningRate);
            }
        }
    }

    /// <summary>Every parameter's float32 bytes, in the model's order.</summary>
    public byte[] WeightBytes() =>
        [.. _model.parameters().SelectMany(p => p.data<float>().ToArray().SelectMany(BitConverter.GetBytes))];

    public void Save(string path) => File.WriteAllBytes(path, WeightBytes());

    public void Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int offset = 0;
        using (no_grad())
        {
            foreach (Parameter p in _model.parameters())
            {
                int n = (int)p.numel();
                float[] values = new float[n];
                Buffer.BlockCopy(bytes, offset, values, 0, 4 * n);
                offset += 4 * n;
                p.copy_(tensor(values).view(p.shape));
            }
        }
    }

    public void Dispose() => _model.Dispose();
}
