using OneSeed.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproducibleTraining;

/// <summary>The MLP with TorchSharp: initialisation and dropout draw from torch's CPU generator.</summary>
internal sealed class TorchMlp : IMlp
{
    private readonly Sequential _model;
    private readonly Parameter[] _params;
    private readonly Tensor[] _velocity;

    public TorchMlp()
    {
        _model = nn.Sequential(
            ("fc1", nn.Linear(2, Mlp.Hidden)), ("relu1", nn.ReLU()), ("drop", nn.Dropout(Mlp.Dropout)),
            ("fc2", nn.Linear(Mlp.Hidden, Mlp.Hidden)), ("relu2", nn.ReLU()),
            ("fc3", nn.Linear(Mlp.Hidden, 2)));
        _params = [.. _model.parameters()];
        _velocity = [.. _params.Select(p => zeros_like(p))];
    }

    public string Backend => "TorchSharp";

    /// <summary>Loads TorchSharp's native library (patching it on hosts with an older libstdc++); false if it cannot.</summary>
    public static bool TryLoad(out string? error)
    {
        try
        {
            TorchSharpNative.EnsureLoaded();
            // Tiny matrices: one thread is faster, and the reduction order cannot depend on the thread count.
            set_num_threads(1);
            error = null;
            return true;
        }
#pragma warning disable CA1031 // Any failure to load means: use the plain C# model instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");
            return false;
        }
    }

    public double TrainStep(float[] x, long[] labels, int count)
    {
        using var scope = NewDisposeScope();
        _model.train();
        _model.zero_grad();
        Tensor input = tensor(x.AsSpan(0, 2 * count).ToArray()).reshape(count, 2);
        Tensor target = tensor(labels.AsSpan(0, count).ToArray());
        Tensor loss = nn.functional.cross_entropy(_model.call(input), target);
        loss.backward();
        using (no_grad())
        {
            for (int i = 0; i < _params.Length; i++)
            {
                _velocity[i].mul_(Mlp.Momentum).add_(_params[i].grad!);
                _params[i].sub_(_velocity[i] * Mlp.LearningRate);
            }
        }

        return loss.item<float>();
    }

    public (double Accuracy, double Loss) Evaluate(float[] x, long[] labels, int count)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        _model.eval();
        Tensor logits = _model.call(tensor(x.AsSpan(0, 2 * count).ToArray()).reshape(count, 2));
        Tensor target = tensor(labels.AsSpan(0, count).ToArray());
        double loss = nn.functional.cross_entropy(logits, target).item<float>();
        long correct = logits.argmax(1).eq(target).sum().item<long>();
        return ((double)correct / count, loss);
    }

    public float[][] GetState() =>
        [.. _params.Select(p => p.detach().data<float>().ToArray()), .. _velocity.Select(v => v.data<float>().ToArray())];

    public void SetState(float[][] state)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        for (int i = 0; i < _params.Length; i++)
        {
            _params[i].copy_(tensor(state[i]).reshape(_params[i].shape));
            _velocity[i].copy_(tensor(state[_params.Length + i]).reshape(_velocity[i].shape));
        }
    }

    public void Dispose()
    {
        foreach (Tensor v in _velocity)
        {
            v.Dispose();
        }

        _model.Dispose();
    }
}
