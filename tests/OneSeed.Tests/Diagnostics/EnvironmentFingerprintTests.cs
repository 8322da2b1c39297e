using System.Text.Json.Nodes;
using OneSeed.Diagnostics;

namespace OneSeed.Tests.Diagnostics;

public sealed class EnvironmentFingerprintTests
{
    private static readonly EnvironmentFingerprint Current = EnvironmentFingerprint.Capture(new FingerprintOptions { Seed = "42", SdkVersion = "10.0.100" });

    private static EnvironmentFingerprint Edit(EnvironmentFingerprint fp, Action<JsonObject> edit)
    {
        JsonObject json = JsonNode.Parse(fp.ToJson())!.AsObject();
        edit(json);
        return EnvironmentFingerprint.FromJson(json.ToJsonString());
    }

    [Fact]
    public void Capture_RecordsTheRuntimeAndSimdAndSeed()
    {
        Assert.Equal(Environment.Version.ToString(), Current["runtime.version"]);
        Assert.Equal("10.0.100", Current["runtime.sdk"]);
        Assert.Equal("42", Current["seed.value"]);
        Assert.Equal("FingerprintOptions.Seed", Current["seed.source"]);
        Assert.Equal((System.Numerics.Vector<byte>.Count * 8).ToString(System.Globalization.CultureInfo.InvariantCulture), Current["simd.vector_bits"]);
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "true" : "false", Current["simd.avx2"]);
        Assert.NotNull(Current["assemblies.OneSeed"]);
        Assert.Equal("OneSeed", Current.Entries.First(e => e.Section == "assemblies").Name);
        Assert.DoesNotContain(Current.Entries, e => e.Section == "assemblies" && e.Name == "System.Private.CoreLib");
        if (OperatingSystem.IsLinux())
        {
            Assert.NotNull(Current["cpu.model"]);
        }
    }

    [Fact]
    public void Capture_WithoutGit_RecordsUnknown()
    {
        EnvironmentFingerprint fp = EnvironmentFingerprint.Capture(new FingerprintOptions { IncludeGit = false });
        Assert.Null(fp["git.commit"]);
        Assert.Equal("not requested", fp["git.status"]);
    }

    [Fact]
    public void Json_RoundTrips_AndIsVersioned()
    {
        string json = Current.ToJson();
        EnvironmentFingerprint back = EnvironmentFingerprint.FromJson(json);
        Assert.True(FingerprintComparison.Compare(Current, back).IsIdentical);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(1, (int)JsonNode.Parse(json)!["oneseed_fingerprint_version"]!);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{}", "'oneseed_fingerprint_version' is missing")]
    [InlineData("{\"oneseed_fingerprint_version\": 2}", "Unsupported oneseed_fingerprint_version 2")]
    [InlineData("{\"oneseed_fingerprint_version\": 1, \"os\": 5}", "'os' must be a JSON object")]
    [InlineData("{\"oneseed_fingerprint_version\": 1, \"os\": {\"kernel\": 5}}", "'os.kernel' must be a string or null")]
    [InlineData("{\"oneseed_fingerprint_version\": 1, \"contributed\": {\"gpu\": {\"name\": {\"value\": \"x\", \"severity\": \"huge\"}}}}", "contributed.gpu.name.severity")]
    [InlineData("{\"oneseed_fingerprint_version\": 1, \"Bad Section\": {}}", "Invalid fingerprint entry")]
    public void FromJson_RefusesBadInput(string json, string message)
    {
        var e = Assert.Throws<FormatException>(() => EnvironmentFingerprint.FromJson(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_IsAtomic_AndLoadReadsIt()
    {
        string dir = Path.Combine(Path.GetTempPath(), "oneseed-fp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "run.json");
            File.WriteAllText(path, "old");
            Current.Save(path);
            Assert.Equal(Current.ToJson(), File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir));
            Assert.True(FingerprintComparison.Compare(Current, EnvironmentFingerprint.Load(path)).IsIdentical);
            Assert.ThrowsAny<IOException>(() => Current.Save(Path.Combine(dir, "missing-dir", "x.json")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Compare_RuntimeVersion_BreaksBitExactness()
    {
        var saved = Edit(Current, j => j["runtime"]!["version"] = "9.0.0");
        FingerprintComparison c = FingerprintComparison.Compare(saved, Current);
        FingerprintDifference d = Assert.Single(c.Differences);
        Assert.Equal("runtime.version", d.Key);
        Assert.Equal("9.0.0", d.Expected);
        Assert.Equal(Environment.Version.ToString(), d.Actual);
        Assert.Equal(DifferenceSeverity.BreaksBitExactness, d.Severity);
        Assert.True(c.HasBreakingDifference);
        Assert.Equal(DifferenceSeverity.BreaksBitExactness, c.MaxSeverity);
    }

    [Theory]
    [InlineData("simd", "vector_bits", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("simd", "avx512f", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("runtime", "process_architecture", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("seed", "value", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("runtime", "sdk", DifferenceSeverity.MayChangeResults)]
    [InlineData("cpu", "model", DifferenceSeverity.MayChangeResults)]
    [InlineData("cpu", "logical_processors", DifferenceSeverity.MayChangeResults)]
    [InlineData("os", "platform", DifferenceSeverity.MayChangeResults)]
    [InlineData("culture", "current", DifferenceSeverity.MayChangeResults)]
    [InlineData("assemblies", "OneSeed", DifferenceSeverity.MayChangeResults)]
    [InlineData("os", "kernel", DifferenceSeverity.Informational)]
    [InlineData("host", "name", DifferenceSeverity.Informational)]
    [InlineData("culture", "time_zone", DifferenceSeverity.Informational)]
    public void Compare_ClassifiesEachField(string section, string name, DifferenceSeverity expected)
    {
        var saved = Edit(Current, j => j[section]![name] = "edited-value");
        FingerprintDifference d = Assert.Single(FingerprintComparison.Compare(saved, Current).Differences);
        Assert.Equal($"{section}.{name}", d.Key);
        Assert.Equal(expected, d.Severity);
        Assert.False(string.IsNullOrWhiteSpace(d.Reason));
    }

    [Theory]
    [InlineData("DOTNET_EnableAVX2", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("DOTNET_EnableHWIntrinsic", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("DOTNET_PreferredVectorBitWidth", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("CUBLAS_WORKSPACE_CONFIG", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("NVIDIA_TF32_OVERRIDE", DifferenceSeverity.BreaksBitExactness)]
    [InlineData("OMP_NUM_THREADS", DifferenceSeverity.MayChangeResults)]
    [InlineData("MKL_NUM_THREADS", DifferenceSeverity.MayChangeResults)]
    [InlineData("CUDA_VISIBLE_DEVICES", DifferenceSeverity.MayChangeResults)]
    [InlineData("PYTHONHASHSEED", DifferenceSeverity.MayChangeResults)]
    [InlineData("CUDA_LAUNCH_BLOCKING", DifferenceSeverity.Informational)]
    public void Compare_EnvironmentVariable_SetOnOneSideOnly(string name, DifferenceSeverity expected)
    {
        var saved = Edit(Current, j =>
        {
            j["environment"] ??= new JsonObject();
            j["environment"]![name] = "0";
        });
        FingerprintDifference d = FingerprintComparison.Compare(saved, Current).Differences.Single(x => x.Key == "environment." + name);
        Assert.Equal(expected, d.Severity);
        Assert.True(d.ExpectedPresent);
        Assert.Equal(Environment.GetEnvironmentVariable(name) is not null, d.ActualPresent);
    }

    [Fact]
    public void Compare_SeedVariableOnOneSide_IsInformational_ButDifferentValuesBreak()
    {
        var a = Edit(Current, j => { j["environment"] ??= new JsonObject(); j["environment"]!["ONESEED_SEED"] = "1"; });
        var b = Edit(Current, j => { j["environment"] ??= new JsonObject(); j["environment"]!["ONESEED_SEED"] = "2"; });
        var stripped = Edit(Current, j => (j["environment"] as JsonObject)?.Remove("ONESEED_SEED"));
        Assert.Equal(DifferenceSeverity.Informational, FingerprintComparison.Compare(a, stripped).Differences.Single(d => d.Key == "environment.ONESEED_SEED").Severity);
        Assert.Equal(DifferenceSeverity.BreaksBitExactness, FingerprintComparison.Compare(a, b).Differences.Single(d => d.Key == "environment.ONESEED_SEED").Severity);
    }

    [Fact]
    public void Compare_UnknownOrOneSidedEntries_AreInformational()
    {
        var unknownCommit = Edit(Current, j => j["git"]!["commit"] = null);
        var withCommit = Edit(Current, j => j["git"]!["commit"] = "abc");
        FingerprintDifference d = Assert.Single(FingerprintComparison.Compare(withCommit, unknownCommit).Differences);
        Assert.Equal(DifferenceSeverity.Informational, d.Severity);

        var extraAssembly = Edit(Current, j => j["assemblies"]!["TrainingApp"] = "1.2.3");
        d = Assert.Single(FingerprintComparison.Compare(extraAssembly, Current).Differences);
        Assert.Equal(("assemblies.TrainingApp", false, DifferenceSeverity.Informational), (d.Key, d.ActualPresent, d.Severity));

        var commitChanged = Edit(Current, j => j["git"]!["commit"] = "def");
        Assert.Equal(DifferenceSeverity.MayChangeResults, Assert.Single(FingerprintComparison.Compare(withCommit, commitChanged).Differences).Severity);
    }

    [Fact]
    public void Compare_OrdersMostSeriousFirst()
    {
        var saved = Edit(Current, j =>
        {
            j["host"]!["name"] = "elsewhere";
            j["cpu"]!["model"] = "Other CPU";
            j["simd"]!["avx2"] = "maybe";
        });
        FingerprintComparison c = FingerprintComparison.Compare(saved, Current);
        Assert.Equal(["simd.avx2", "cpu.model", "host.name"], c.Differences.Select(d => d.Key));
    }

    private sealed class GpuContributor(Func<IEnumerable<FingerprintEntry>> collect) : IFingerprintContributor
    {
        public string Section => "test-gpu";

        public IEnumerable<FingerprintEntry> Collect() => collect();
    }

    [Fact]
    public void Contributors_AddEntries_WhoseSeverityTravelsInTheJson()
    {
        var contributor = new GpuContributor(() =>
        [
            new FingerprintEntry("test-gpu", "cudnn", "9.1", DifferenceSeverity.BreaksBitExactness, "Another cuDNN picks other kernels."),
            new FingerprintEntry("test-gpu", "name", "Test GPU", DifferenceSeverity.MayChangeResults),
        ]);
        EnvironmentFingerprint.RegisterContributor(contributor);
        EnvironmentFingerprint withGpu;
        try
        {
            withGpu = EnvironmentFingerprint.Capture(new FingerprintOptions { IncludeGit = false });
        }
        finally
        {
            Assert.True(EnvironmentFingerprint.UnregisterContributor(contributor));
        }

        Assert.Equal("9.1", withGpu["test-gpu.cudnn"]);
        JsonObject json = JsonNode.Parse(withGpu.ToJson())!.AsObject();
        Assert.Equal("breaks-bit-exactness", (string?)json["contributed"]!["test-gpu"]!["cudnn"]!["severity"]);

        // A process without the contributor (e.g. `oneseed verify`) still knows the severity from the file.
        var saved = EnvironmentFingerprint.FromJson(json.ToJsonString());
        var edited = Edit(saved, j => j["contributed"]!["test-gpu"]!["cudnn"]!["value"] = "8.9");
        FingerprintDifference d = Assert.Single(FingerprintComparison.Compare(saved, edited).Differences);
        Assert.Equal(("test-gpu.cudnn", DifferenceSeverity.BreaksBitExactness, "Another cuDNN picks other kernels."), (d.Key, d.Severity, d.Reason));

        // Absent in the comparing process: cannot compare, informational.
        var without = EnvironmentFingerprint.Capture(new FingerprintOptions { IncludeGit = false });
        Assert.All(FingerprintComparison.Compare(saved, without).Differences.Where(x => x.Key.StartsWith("test-gpu.", StringComparison.Ordinal)),
            x => Assert.Equal(DifferenceSeverity.Informational, x.Severity));
    }

    [Fact]
    public void Contributors_ThatFail_AreRecordedNotThrown_AndCoreSectionsAreRefused()
    {
        var failing = new GpuContributor(() => throw new InvalidOperationException("no driver"));
        EnvironmentFingerprint.RegisterContributor(failing);
        try
        {
            EnvironmentFingerprint fp = EnvironmentFingerprint.Capture(new FingerprintOptions { IncludeGit = false });
            FingerprintEntry e = fp.Entries.Single(x => x.Key == "test-gpu.error");
            Assert.Null(e.Value);
            Assert.Contains("no driver", e.Reason, StringComparison.Ordinal);
        }
        finally
        {
            EnvironmentFingerprint.UnregisterContributor(failing);
        }

        var wrong = new GpuContributor(() => [new FingerprintEntry("other", "x", "1", DifferenceSeverity.Informational)]);
        EnvironmentFingerprint.RegisterContributor(wrong);
        try
        {
            Assert.Null(EnvironmentFingerprint.Capture(new FingerprintOptions { IncludeGit = false })["other.x"]);
        }
        finally
        {
            EnvironmentFingerprint.UnregisterContributor(wrong);
        }

        Assert.Throws<ArgumentException>(() => EnvironmentFingerprint.RegisterContributor(new CoreSectionContributor()));
        Assert.Throws<ArgumentNullException>(() => EnvironmentFingerprint.RegisterContributor(null!));
    }

    private sealed class CoreSectionContributor : IFingerprintContributor
    {
        public string Section => "runtime";

        public IEnumerable<FingerprintEntry> Collect() => [];
    }

    [Fact]
    public void Entry_ValidatesItsArguments()
    {
        Assert.Throws<ArgumentException>(() => new FingerprintEntry("Upper", "x", null, DifferenceSeverity.Informational));
        Assert.Throws<ArgumentException>(() => new FingerprintEntry("ok", " ", null, DifferenceSeverity.Informational));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FingerprintEntry("ok", "x", null, (DifferenceSeverity)7));
        Assert.Equal("ok.x = (unknown)", new FingerprintEntry("ok", "x", null, DifferenceSeverity.Informational).ToString());
    }
}
