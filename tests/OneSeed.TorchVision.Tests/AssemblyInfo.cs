// The tests seed and draw from TorchSharp's one process-wide default generator: they must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
