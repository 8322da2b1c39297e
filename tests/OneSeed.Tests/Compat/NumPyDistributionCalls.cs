using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using OneSeed.Compat;
using OneSeed.Engines;
using OneSeed.Tests.Infrastructure;

namespace OneSeed.Tests.Compat;

/// <summary>
/// Replays the calls of tests/oracles/numpy_distributions.py on a <see cref="NumPyGenerator"/> or
/// <see cref="NumPyRandomState"/>, finding each method by its PascalCase name and its parameters by reflection, so
/// one oracle and one comparison serve every distribution.
/// </summary>
internal static class NumPyDistributionCalls
{
    /// <summary>NumPy's snake_case method name in PascalCase (<c>noncentral_chisquare</c> → <c>NoncentralChisquare</c>).</summary>
    public static string Pascal(string name) =>
        string.Concat(name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    public static JsonObject F(double value) => new() { ["f"] = BitConverter.DoubleToUInt64Bits(value) };

    public static JsonObject I(long value) => new() { ["i"] = value };

    public static JsonObject FA(IEnumerable<double> values) => new() { ["fa"] = new JsonArray(values.Select(v => (JsonNode)BitConverter.DoubleToUInt64Bits(v)).ToArray()) };

    public static JsonObject IA(IEnumerable<long> values) => new() { ["ia"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) };

    public static JsonObject S(string text) => new() { ["s"] = text };

    /// <summary>Creates the façade a case describes, seeded as the oracle seeds it.</summary>
    public static object Create(JsonNode request) =>
        (string)request["facade"]! == "RandomState"
            ? new NumPyRandomState((uint)(long)request["seed"]!)
            : new NumPyGenerator(BitGenerators.Create((string)request["bitgen"]!, JsonAssert.ToBig(request["seed"])));

    /// <summary>Checks every call of one case, then the engine's next draws and (for RandomState) its Gaussian cache.</summary>
    public static void Check(JsonNode request, JsonNode expected, string context)
    {
        object facade = Create(request);
        JsonArray calls = request["calls"]!.AsArray();
        JsonArray results = expected["results"]!.AsArray();
        Assert.Equal(calls.Count, results.Count);
        for (int i = 0; i < calls.Count; i++)
        {
            string where = $"{context}, call {i} {calls[i]!.ToJsonString()}";
            CheckCall(facade, calls[i]!, results[i]!, where);
        }

        BitGenerator engine = facade is NumPyRandomState rs ? rs.BitGenerator : ((NumPyGenerator)facade).BitGenerator;
        if (facade is NumPyRandomState legacy)
        {
            NumPyLegacyState state = legacy.GetState();
            Assert.True((long)expected["pos"]! == state.BitGeneratorState.Position, $"{context}: MT19937 position {state.BitGeneratorState.Position}, NumPy's {expected["pos"]}.");
            Assert.True(((long)expected["has_gauss"]! != 0) == state.HasGauss, $"{context}: Gaussian cache flag {state.HasGauss}, NumPy's {expected["has_gauss"]}.");
            Assert.True((ulong)expected["gauss"]! == BitConverter.DoubleToUInt64Bits(state.CachedGaussian), $"{context}: cached Gaussian {state.CachedGaussian:R}, NumPy's bits {expected["gauss"]}.");
        }

        ulong[] tail = JsonAssert.UInt64s(expected["tail_u64"]);
        JsonAssert.Equal(tail, tail.Select(_ => engine.NextUInt64()).ToArray(), context + " (engine draws after the calls)");
    }

    private static void CheckCall(object facade, JsonNode call, JsonNode want, string where)
    {
        if (want["error"] is JsonNode error)
        {
            string before = StateOf(facade);
            Exception? thrown = Record.Exception(() => Invoke(facade, call));
            Assert.True(thrown is ArgumentException, $"{where}: NumPy raised {error} ({want["message"]}); OneSeed {(thrown is null ? "accepted it" : "threw " + thrown)}.");
            Assert.True(before == StateOf(facade), $"{where}: a refused call changed the state.");
            return;
        }

        object? result;
        try
        {
            result = Invoke(facade, call);
        }
        catch (ArgumentException e)
        {
            Assert.Fail($"{where}: NumPy accepted it, OneSeed threw {e.Message}");
            return;
        }

        (ulong[] values, int[] shape) = Flatten(result);
        Assert.True(want["shape"]!.AsArray().Select(n => (int)n!).SequenceEqual(shape), $"{where}: shape [{string.Join(", ", shape)}], NumPy's {want["shape"]!.ToJsonString()}.");
        ulong[] expected = want["v"]!.AsArray().Select(n => n!.ToJsonString().StartsWith('-') ? unchecked((ulong)(long)n!) : (ulong)n!).ToArray();
        JsonAssert.Equal(expected, values, where);
    }

    private static string StateOf(object facade) =>
        facade is NumPyRandomState rs ? rs.GetStateJson() : ((NumPyGenerator)facade).BitGenerator.GetStateJson();

    /// <summary>Calls the façade method the oracle call names, with the overload its arguments and size select.</summary>
    public static object? Invoke(object facade, JsonNode call)
    {
        string name = Pascal((string)call["m"]!);
        var args = (call["args"]?.AsArray() ?? []).Select(a => a!).ToList();
        bool hasSize = call["size"] is not null;
        if (hasSize)
        {
            args.Add(new JsonObject { ["size"] = (int)call["size"]! });
        }

        if (call["kw"] is JsonObject kw)
        {
            args.AddRange(kw.Select(p => p.Value!));
        }

        foreach (MethodInfo method in facade.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            ParameterInfo[] parameters = method.GetParameters();
            if (method.Name != name || method.IsGenericMethod || parameters.Length < args.Count
                || parameters.Skip(args.Count).Any(p => !p.HasDefaultValue)
                || parameters.Any(p => p.Name == "size") != hasSize)
            {
                continue;
            }

            object?[] values = new object?[parameters.Length];
            bool fits = true;
            for (int i = 0; i < parameters.Length && fits; i++)
            {
                if (i < args.Count)
                {
                    fits = TryConvert(args[i], parameters[i].ParameterType, out values[i]);
                }
                else
                {
                    values[i] = parameters[i].DefaultValue;
                }
            }

            if (!fits)
            {
                continue;
            }

            try
            {
                return method.Invoke(facade, values);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        throw new InvalidOperationException($"{facade.GetType().Name} has no method {name} for {call.ToJsonString()}.");
    }

    private static bool TryConvert(JsonNode arg, Type type, out object? value)
    {
        value = null;
        if (arg["size"] is JsonNode size)
        {
            value = (int)size;
            return type == typeof(int);
        }

        if (arg["f"] is JsonNode f && type == typeof(double))
        {
            value = BitConverter.UInt64BitsToDouble((ulong)f);
        }
        else if (arg["i"] is JsonNode i && (type == typeof(long) || type == typeof(double) || type == typeof(int)))
        {
            long v = long.Parse(i.ToJsonString(), CultureInfo.InvariantCulture);
            value = type == typeof(long) ? v : type == typeof(int) ? (object)checked((int)v) : (double)v;
        }
        else if (arg["fa"] is JsonArray fa && type == typeof(double[]))
        {
            value = fa.Select(b => BitConverter.UInt64BitsToDouble((ulong)b!)).ToArray();
        }
        else if (arg["ia"] is JsonArray ia && type == typeof(long[]))
        {
            value = ia.Select(b => (long)b!).ToArray();
        }
        else if (arg["s"] is JsonNode s && type == typeof(string))
        {
            value = (string)s!;
        }

        return value is not null;
    }

    private static (ulong[] Values, int[] Shape) Flatten(object? result) => result switch
    {
        double d => ([BitConverter.DoubleToUInt64Bits(d)], []),
        long l => ([unchecked((ulong)l)], []),
        double[] a => (a.Select(BitConverter.DoubleToUInt64Bits).ToArray(), [a.Length]),
        long[] a => (a.Select(v => unchecked((ulong)v)).ToArray(), [a.Length]),
        byte[] a => (a.Select(v => (ulong)v).ToArray(), [a.Length]),
        double[,] a => (a.Cast<double>().Select(BitConverter.DoubleToUInt64Bits).ToArray(), [a.GetLength(0), a.GetLength(1)]),
        long[,] a => (a.Cast<long>().Select(v => unchecked((ulong)v)).ToArray(), [a.GetLength(0), a.GetLength(1)]),
        _ => throw new InvalidOperationException($"Unexpected result type {result?.GetType().Name ?? "null"}."),
    };
}
