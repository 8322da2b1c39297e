// Two or more builds of OneSeed.dll in one process, each in its own load context, their calls interleaved so that
// every build sees the same neighbour load: on these shared machines two builds timed in separate processes differ
// by more than most changes do. Usage (bench/ab.sh builds the trees): dotnet run -- DIR_A DIR_B [...]
// Environment: WHAT (BitGenerator for the engines' own uniform doubles; distribution types with a public static
// Fill(BitGenerator, Span<double>); or Type.Method for a method taking (BitGenerator, long n) and returning an array,
// such as FisherYates.Permutation; or TorchGenerator.Method / NumPyRandomState.Method for a method of that generator
// taking a Span<double>, such as TorchGenerator.RandnDouble; default StandardExponential,StandardNormal), ENGINES (default
// PCG64,SFC64,PCG64DXSM), N (values per call, 1,000,000), ROUNDS (20). Prints, per workload and build, the best and
// the median rate over the rounds in M values/s.
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.Loader;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: OneSeed.SameProcessAB DIR_A DIR_B [...] (each a directory holding a build of OneSeed.dll)");
    return 2;
}

string[] whats = Setting("WHAT", "StandardExponential,StandardNormal").Split(',');
string[] engines = Setting("ENGINES", "PCG64,SFC64,PCG64DXSM").Split(',');
int n = int.Parse(Setting("N", "1000000"), CultureInfo.InvariantCulture);
int rounds = int.Parse(Setting("ROUNDS", "20"), CultureInfo.InvariantCulture);
const int CallsPerRound = 5;

var destination = new double[n];
var fills = new Dictionary<(int Build, string What, string Engine), Action<double[]>>();
for (int build = 0; build < args.Length; build++)
{
    var context = new AssemblyLoadContext($"build{build}");
    Assembly oneSeed = context.LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(args[build], "OneSeed.dll")));
    Type bitGenerator = oneSeed.GetType("OneSeed.Engines.BitGenerator", throwOnError: true)!;
    MethodInfo create = oneSeed.GetType("OneSeed.Engines.BitGenerators", throwOnError: true)!
        .GetMethod("Create", [typeof(string), typeof(BigInteger)])!;
    foreach (string what in whats)
    {
        // "Type" is Type.Fill(BitGenerator, Span<double>); "Type.Method" a method taking (BitGenerator, long n);
        // "BitGenerator" the engine's own uniform doubles, BitGenerator.Fill(Span<double>); "TorchGenerator.Method" or
        // "NumPyRandomState.Method" an instance method of that generator taking a Span<double>, such as RandnDouble.
        string[] parts = what.Split('.');
        if (oneSeed.GetType("OneSeed.Compat." + parts[0]) is Type compat)
        {
            // A Python-compatible generator (its own MT19937), made from seed 5 by its one-integer constructor.
            MethodInfo fill = compat.GetMethod(parts[^1], [typeof(Span<double>)])
                ?? throw new InvalidOperationException($"{what}: no {parts[0]}.{parts[^1]}(Span<double>)");
            ConstructorInfo seedConstructor = compat.GetConstructors().First(c => c.GetParameters() is [{ ParameterType: var t }] && (t == typeof(ulong) || t == typeof(uint)));
            object seeded = seedConstructor.Invoke([Convert.ChangeType(5, seedConstructor.GetParameters()[0].ParameterType, CultureInfo.InvariantCulture)]);
            fills[(build, what, "MT19937")] = (Action<double[]>)typeof(Bound).GetMethod(nameof(Bound.Fill))!
                .MakeGenericMethod(compat).Invoke(null, [fill, seeded])!;
            continue;
        }

        MethodInfo? method = what == "BitGenerator"
            ? bitGenerator.GetMethod("Fill", [typeof(Span<double>)])
            : oneSeed.GetType("OneSeed.Distributions." + parts[0], throwOnError: true)! is var type && parts.Length == 1
                ? type.GetMethod("Fill", [bitGenerator, typeof(Span<double>)])
                : type.GetMethod(parts[1], [bitGenerator, typeof(long)]);
        method = method
            ?? throw new InvalidOperationException($"{what}: no BitGenerator.Fill(Span<double>), public static Fill(BitGenerator, Span<double>) or {what}(BitGenerator, long)");
        foreach (string engine in engines)
        {
            object generator = create.Invoke(null, [engine, new BigInteger(5)])!;
            string binder = parts.Length == 1 ? nameof(Bound.Fill) : nameof(Bound.Sized);
            fills[(build, what, engine)] = (Action<double[]>)typeof(Bound).GetMethod(binder)!
                .MakeGenericMethod(bitGenerator).Invoke(null, [method, generator])!;
        }
    }
}

var rates = fills.Keys.ToDictionary(key => key, _ => new List<double>());
for (int round = 0; round < rounds; round++)
{
    foreach (var key in fills.Keys)
    {
        Action<double[]> fill = fills[key];
        fill(destination);
        long start = Stopwatch.GetTimestamp();
        for (int call = 0; call < CallsPerRound; call++)
        {
            fill(destination);
        }

        rates[key].Add(CallsPerRound * n / 1e6 / Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}

foreach (string what in whats)
{
    foreach (string engine in engines.Append("MT19937").Distinct().Where(engine => fills.ContainsKey((0, what, engine))))
    {
        Console.Write($"{what,-20} {engine,-10}");
        for (int build = 0; build < args.Length; build++)
        {
            List<double> r = [.. rates[(build, what, engine)].Order()];
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"  build {build}: best {r[^1],5:F0} median {r[r.Count / 2],5:F0}"));
        }

        Console.WriteLine();
    }
}

return 0;

static string Setting(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

/// <summary>Binds a build's Fill to one of its engines without reflection on the timed path.</summary>
internal static class Bound
{
    private delegate void SpanFill<TEngine>(TEngine engine, Span<double> destination);

    public static Action<double[]> Fill<TEngine>(MethodInfo fill, object engine)
    {
        SpanFill<TEngine> call = fill.CreateDelegate<SpanFill<TEngine>>();
        var typed = (TEngine)engine;
        return destination => call(typed, destination);
    }

    public static Action<double[]> Sized<TEngine>(MethodInfo sized, object engine)
    {
        Func<TEngine, long, Array> call = sized.CreateDelegate<Func<TEngine, long, Array>>();
        var typed = (TEngine)engine;
        return destination => GC.KeepAlive(call(typed, destination.Length));
    }
}
