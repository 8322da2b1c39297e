using OneSeed;

namespace ReproducibleTraining;

/// <summary>
/// The same MLP in plain C#, used when TorchSharp cannot load. Initialisation (torch's default: U(±1/√fan_in)) and
/// dropout masks draw from <see cref="Seed.Global"/>, so <c>Seed.Everything</c> seeds them and an
/// <c>RngSnapshot</c> captures them.
/// </summary>
internal sealed class PlainMlp : IMlp
{
    private const int H = Mlp.Hidden;
    private readonly float[][] _p;   // W1, b1, W2, b2, W3, b3
    private readonly float[][] _v;   // momentum buffers
    private readonly float[][] _g;   // gradients

    public PlainMlp()
    {
        _p = [.. Mlp.Shapes.Select(s => new float[s.Aggregate(1, (a, b) => a * b)])];
        _v = [.. _p.Select(p => new float[p.Length])];
        _g = [.. _p.Select(p => new float[p.Length])];
        for (int i = 0; i < _p.Length; i++)
        {
            int fanIn = Mlp.Shapes[i - i % 2][1];
            double bound = 1.0 / Math.Sqrt(fanIn);
            for (int j = 0; j < _p[i].Length; j++)
            {
                _p[i][j] = (float)((2 * Seed.Global.NextDouble() - 1) * bound);
            }
        }
    }

    public string Backend => "plain C#";

    public double TrainStep(float[] x, long[] labels, int count)
    {
        foreach (float[] g in _g)
        {
            Array.Clear(g);
        }

        double loss = Pass(x, labels, count, train: true, out _);
        for (int i = 0; i < _p.Length; i++)
        {
            for (int j = 0; j < _p[i].Length; j++)
            {
                _v[i][j] = (float)(Mlp.Momentum * _v[i][j] + _g[i][j]);
                _p[i][j] -= (float)(Mlp.LearningRate * _v[i][j]);
            }
        }

        return loss;
    }

    public (double Accuracy, double Loss) Evaluate(float[] x, long[] labels, int count)
    {
        double loss = Pass(x, labels, count, train: false, out int correct);
        return ((double)correct / count, loss);
    }

    private double Pass(float[] x, long[] labels, int count, bool train, out int correct)
    {
        float[] w1 = _p[0], b1 = _p[1], w2 = _p[2], b2 = _p[3], w3 = _p[4], b3 = _p[5];
        var h1 = new double[H];
        var h2 = new double[H];
        var mask = new double[H];
        var d2 = new double[H];
        var d1 = new double[H];
        double loss = 0;
        correct = 0;
        double scale = 1.0 / (1.0 - Mlp.Dropout);
        for (int n = 0; n < count; n++)
        {
            double x0 = x[2 * n], x1 = x[2 * n + 1];
            for (int k = 0; k < H; k++)
            {
                h1[k] = Math.Max(0, w1[2 * k] * x0 + w1[2 * k + 1] * x1 + b1[k]);
                mask[k] = !train ? 1 : Seed.Global.NextDouble() < Mlp.Dropout ? 0 : scale;
                h1[k] *= mask[k];
            }

            for (int k = 0; k < H; k++)
            {
                double s = b2[k];
                for (int j = 0; j < H; j++)
                {
                    s += w2[k * H + j] * h1[j];
                }

                h2[k] = Math.Max(0, s);
            }

            double z0 = b3[0], z1 = b3[1];
            for (int j = 0; j < H; j++)
            {
                z0 += w3[j] * h2[j];
                z1 += w3[H + j] * h2[j];
            }

            double m = Math.Max(z0, z1);
            double lse = m + Math.Log(Math.Exp(z0 - m) + Math.Exp(z1 - m));
            long y = labels[n];
            loss += lse - (y == 0 ? z0 : z1);
            if ((z1 > z0 ? 1 : 0) == y)
            {
                correct++;
            }

            if (!train)
            {
                continue;
            }

            // Backward, gradients of the batch mean.
            double g0 = (Math.Exp(z0 - lse) - (y == 0 ? 1 : 0)) / count, g1 = (Math.Exp(z1 - lse) - (y == 1 ? 1 : 0)) / count;
            _g[5][0] += (float)g0;
            _g[5][1] += (float)g1;
            for (int j = 0; j < H; j++)
            {
                _g[4][j] += (float)(g0 * h2[j]);
                _g[4][H + j] += (float)(g1 * h2[j]);
                d2[j] = h2[j] > 0 ? g0 * w3[j] + g1 * w3[H + j] : 0;
            }

            Array.Clear(d1);
            for (int k = 0; k < H; k++)
            {
                if (d2[k] == 0)
                {
                    continue;
                }

                _g[3][k] += (float)d2[k];
                for (int j = 0; j < H; j++)
                {
                    _g[2][k * H + j] += (float)(d2[k] * h1[j]);
                    d1[j] += d2[k] * w2[k * H + j];
                }
            }

            for (int j = 0; j < H; j++)
            {
                double d = h1[j] > 0 ? d1[j] * mask[j] : 0;
                _g[1][j] += (float)d;
                _g[0][2 * j] += (float)(d * x0);
                _g[0][2 * j + 1] += (float)(d * x1);
            }
        }

        return loss / count;
    }

    public float[][] GetState() => [.. _p.Select(a => (float[])a.Clone()), .. _v.Select(a => (float[])a.Clone())];

    public void SetState(float[][] state)
    {
        for (int i = 0; i < _p.Length; i++)
        {
            state[i].CopyTo(_p[i], 0);
            state[_p.Length + i].CopyTo(_v[i], 0);
        }
    }

    public void Dispose()
    {
    }
}
