// Worker-thread tests use timeouts; running them beside each other on a 2-core machine would only add noise.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
