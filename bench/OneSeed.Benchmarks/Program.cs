using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--scaling")
{
    OneSeed.Benchmarks.ScalingRun.Run(Console.Out, OneSeed.Benchmarks.ScalingRun.ParseMaxExponent(args));
    return;
}

if (args.Length > 0 && args[0] == "--augmentation")
{
    OneSeed.Benchmarks.AugmentationRun.Run(Console.Out);
    return;
}

if (args.Length > 1 && args[0] == "--shards")
{
    double gigabytes = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3.0;
    OneSeed.Benchmarks.ShardReadRun.Run(Console.Out, args[1], gigabytes);
    return;
}

// Short, single-launch jobs: the side-by-side table (bench/compare.sh) reports ratios, and the machine is shared.
IConfig config = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

/// <summary>Entry point holder for BenchmarkSwitcher.</summary>
public partial class Program;
