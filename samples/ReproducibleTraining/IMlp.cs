namespace ReproducibleTraining;

/// <summary>
/// The 2-64-64-2 multilayer perceptron (ReLU, dropout after the first hidden layer, softmax cross-entropy) trained
/// with SGD and momentum; implemented with TorchSharp (<see cref="TorchMlp"/>) or in plain C# (<see cref="PlainMlp"/>).
/// </summary>
internal interface IMlp : IDisposable
{
    string Backend { get; }

    /// <summary>One SGD step on a batch of <paramref name="count"/> points (x: count × 2, row-major); returns the batch's mean loss.</summary>
    double TrainStep(float[] x, long[] labels, int count);

    /// <summary>Accuracy and mean loss on the points, without dropout.</summary>
    (double Accuracy, double Loss) Evaluate(float[] x, long[] labels, int count);

    /// <summary>The parameters (W1, b1, W2, b2, W3, b3; weights [out, in] row-major), then the momentum buffers in the same order.</summary>
    float[][] GetState();

    void SetState(float[][] state);
}

internal static class Mlp
{
    public const int Hidden = 64;
    public const double LearningRate = 0.05;
    public const double Momentum = 0.9;
    public const double Dropout = 0.05;

    /// <summary>The parameter shapes, in <see cref="IMlp.GetState"/> order.</summary>
    public static readonly int[][] Shapes = [[Hidden, 2], [Hidden], [Hidden, Hidden], [Hidden], [2, Hidden], [2]];
}
