// The README's first command: OneSeed's numbers beside CPython's and NumPy's for the same seeds, then one seed
// driving independent named streams. Every row's label is the Python code that gives the same numbers.
using System.Globalization;
using OneSeed.Compat;
using OneSeed.Demo;
using OneSeed.Engines;
using OneSeed.Seeding;

var rows = new List<(string Python, IEnumerable<object> Ours)>
{
    ("random.seed(42); [random.random() for _ in range(3)]", Take(3, new PythonRandom(42).Random)),
    ("random.seed(42); [random.randint(0, 10) for _ in range(4)]", Take(4, RandInt())),
    ("r = random.Random(42); [r.gauss(0, 1) for _ in range(3)]", Take(3, Gauss())),
    ("random.Random(2024).sample(range(100), 5)", Box(new PythonRandom(2024).Sample(Enumerable.Range(0, 100).ToArray(), 5))),
    ("np.random.seed(42); np.random.randint(0, 10, 4)", Box(new NumPyRandomState(42).RandInt(0, 10, 4))),
    ("np.random.seed(42); np.random.standard_normal(3)", Box(new NumPyRandomState(42).StandardNormal(3))),
    ("np.random.default_rng(42).integers(0, 10, 4)", Box(NumPy.DefaultRng(42).Integers(0, 10, 4))),
    ("np.random.default_rng(42).random(3)", Box(NumPy.DefaultRng(42).Random(3))),
    ("np.random.default_rng(42).standard_normal(3)", Box(NumPy.DefaultRng(42).StandardNormal(3))),
    ("np.random.default_rng(42).permutation(10)", Box(NumPy.DefaultRng(42).Permutation(10))),
    ("np.random.Generator(np.random.Philox(42)).random(3)", Box(new NumPyGenerator(new Philox(42)).Random(3))),
    ("np.random.Generator(np.random.SFC64(7)).standard_exponential(3)", Box(new NumPyGenerator(new Sfc64(7)).StandardExponential(3))),
    ("np.random.SeedSequence(42).generate_state(4)", Box(new SeedSequence(42).GenerateState(4))),
};

// Named streams: each is a function of (root seed, name, keys) only.
var root = new SeedSequence(42);
double[] Stream(string name, params long[] keys) => new NumPyGenerator(new Pcg64(root.Derive(name, keys))).Random(3);
string DerivePython(string name, string keys) =>
    $"h = int.from_bytes(hashlib.sha256(b'{name}').digest()[:8], 'little'); " +
    $"np.random.Generator(np.random.PCG64(np.random.SeedSequence(42, spawn_key=(0x53656E4F, h{keys})))).random(3)";
rows.Add((DerivePython("augment", ", 0"), Box(Stream("augment", 0))));
rows.Add((DerivePython("augment", ", 1"), Box(Stream("augment", 1))));
rows.Add((DerivePython("dropout", string.Empty), Box(Stream("dropout"))));

Console.WriteLine("OneSeed: the same random numbers as CPython and NumPy, from .NET");
Console.WriteLine();
string[][]? python = PythonSide.Evaluate(rows.Select(r => r.Python).ToList(), out string? problem);
Console.WriteLine(python is null
    ? $"(live comparison skipped: {problem}; the rows show OneSeed's values)"
    : "Each row: the Python code, OneSeed's values, and a mark after comparing them with /usr/bin/python3 run live.");
Console.WriteLine();

int matched = 0;
for (int i = 0; i < rows.Count; i++)
{
    string[] ours = rows[i].Ours.Select(Format).ToArray();
    string mark = python is null ? " " : ours.SequenceEqual(python[i]) ? "✓" : "✗";
    matched += mark == "✓" ? 1 : 0;
    Console.WriteLine($"{mark} {rows[i].Python}");
    Console.WriteLine($"    {string.Join("  ", ours)}");
    if (mark == "✗")
    {
        Console.WriteLine($"    python: {string.Join("  ", python![i])}");
    }
}

Console.WriteLine();
if (python is not null)
{
    Console.WriteLine($"{matched} of {rows.Count} rows identical to Python, bit for bit.");
}

// Call order no longer matters: the same streams drawn in the opposite order give the same numbers.
string[] otherOrder = ["dropout", "augment"];
var reversed = otherOrder.Select(n => (n, new NumPyGenerator(new Pcg64(root.Derive(n, n == "augment" ? [0] : []))).Random(3))).ToDictionary();
bool orderFree = reversed["augment"].SequenceEqual(Stream("augment", 0)) && reversed["dropout"].SequenceEqual(Stream("dropout"));
Console.WriteLine($"Named streams drawn in another order give the same numbers: {(orderFree ? "yes" : "NO")}");

return python is not null && matched != rows.Count ? 1 : 0;

static string Format(object value) => value switch
{
    double d => d.ToString("R", CultureInfo.InvariantCulture),
    _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
};

static IEnumerable<object> Box<T>(IEnumerable<T> values) => values.Select(v => (object)v!);

static IEnumerable<object> Take<T>(int n, Func<T> draw) => Enumerable.Range(0, n).Select(_ => (object)draw()!).ToList();

static Func<long> RandInt()
{
    var r = new PythonRandom(42);
    return () => r.RandInt(0, 10);
}

static Func<double> Gauss()
{
    var r = new PythonRandom(42);
    return () => r.Gauss(0, 1);
}
