namespace OneSeed.Data;

/// <summary>
/// Chooses the order in which a loader visits the dataset's indices, one epoch at a time (PyTorch's <c>Sampler</c>),
/// with a state that can be saved at an epoch's start and restored to redo that epoch's order exactly.
/// </summary>
/// <remarks>
/// <para>
/// The loader calls <see cref="GetState"/> and then <see cref="BeginEpoch"/> once at the start of every epoch, in epoch
/// order, on the enumerating thread; it never calls a sampler from a worker. A sampler that is a pure function of
/// (<see cref="SamplerContext.SeedSequence"/>, epoch), as all of OneSeed's are, has no state (<see cref="GetState"/>
/// returns null). A sampler that draws from a generator of its own (a torch-compatible sampler over a
/// <c>TorchGenerator</c>) returns that generator's state, so that <see cref="DataLoader{T, TBatch}.LoadState"/> can put it back and
/// redo an interrupted epoch.
/// </para>
/// <para>Reproducibility tier: an interface; the guarantee is the implementation's.</para>
/// </remarks>
public interface ISampler
{
    /// <summary>The number of indices <see cref="BeginEpoch"/> returns for a dataset of <paramref name="datasetCount"/> samples.</summary>
    int GetLength(int datasetCount);

    /// <summary>The indices to visit in <paramref name="context"/>'s epoch, in order (each in [0, dataset count)).</summary>
    SamplerEpoch BeginEpoch(SamplerContext context);

    /// <summary>The sampler's state as JSON (null when it has none): taken before <see cref="BeginEpoch"/>, it lets that epoch be redone.</summary>
    string? GetState();

    /// <summary>Restores a state from <see cref="GetState"/>.</summary>
    /// <exception cref="FormatException">The state is not one this sampler wrote; the sampler is left unchanged.</exception>
    void SetState(string? state);
}
