using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace OneSeed.TorchSharp.Tests.Runtime;

/// <summary>The torchsharp source's state document: layout, round trip, and refusal of anything malformed (nothing changes).</summary>
public class TorchSharpStateSourceTests
{
    private static string Valid()
    {
        TorchSharpRandom.ManualSeed(31337);
        return TorchSharpStateSource.Instance.CaptureState();
    }

    private static string With(string state, Action<JsonObject> edit)
    {
        JsonObject o = JsonNode.Parse(state)!.AsObject();
        edit(o);
        return o.ToJsonString();
    }

    private static string WithCpu(string state, Action<byte[]> edit)
    {
        byte[] cpu = TorchSharpStateSource.Parse(state);
        edit(cpu);
        return With(state, o => o["cpu"] = Convert.ToBase64String(cpu));
    }

    [Fact]
    public void The_state_is_a_versioned_document_with_the_5056_byte_cpu_state_in_Base64()
    {
        string state = Valid();
        JsonObject o = JsonNode.Parse(state)!.AsObject();
        Assert.Equal("oneseed.torchsharp", (string)o["format"]!);
        Assert.Equal(1, (int)o["version"]!);
        Assert.Equal(TorchSharpRandom.GetCpuState(), Convert.FromBase64String((string)o["cpu"]!));
        Assert.Equal(3, o.Count);
        Assert.Equal("torchsharp", TorchSharpStateSource.Instance.Name);
        Assert.Equal("torchsharp", TorchSharpStateSource.Instance.ToString());
    }

    public static TheoryData<string, string> Malformed()
    {
        string v = Valid();
        return new TheoryData<string, string>
        {
            { "not json", "{" },
            { "array", "[1,2]" },
            { "string", "\"abc\"" },
            { "no format", With(v, o => o.Remove("format")) },
            { "other format", With(v, o => o["format"] = "oneseed.other") },
            { "format not a string", With(v, o => o["format"] = 1) },
            { "no version", With(v, o => o.Remove("version")) },
            { "version 2", With(v, o => o["version"] = 2) },
            { "version 0", With(v, o => o["version"] = 0) },
            { "version text", With(v, o => o["version"] = "1") },
            { "no cpu", With(v, o => o.Remove("cpu")) },
            { "cpu not Base64", With(v, o => o["cpu"] = "***not base64***") },
            { "cpu a number", With(v, o => o["cpu"] = 5) },
            { "cpu too short", With(v, o => o["cpu"] = Convert.ToBase64String(new byte[5055])) },
            { "cpu too long", With(v, o => o["cpu"] = Convert.ToBase64String(new byte[5057])) },
            { "cpu empty", With(v, o => o["cpu"] = "") },
            { "not seeded", WithCpu(v, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(12), 0)) },
            { "left 0", WithCpu(v, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(8), 0)) },
            { "left 625", WithCpu(v, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(8), 625)) },
            { "next 625", WithCpu(v, b => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(16), 625)) },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_states_are_refused_and_change_nothing(string what, string state)
    {
        string before = Valid();
        FormatException e1 = Assert.Throws<FormatException>(() => TorchSharpStateSource.Instance.ValidateState(state));
        FormatException e2 = Assert.Throws<FormatException>(() => TorchSharpStateSource.Instance.RestoreState(state));
        Assert.Contains("torchsharp", e1.Message, StringComparison.Ordinal);
        Assert.Equal(e1.Message, e2.Message);
        Assert.Equal(before, TorchSharpStateSource.Instance.CaptureState());
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => TorchSharpStateSource.Instance.ValidateState(null!));
        Assert.Throws<ArgumentNullException>(() => TorchSharpStateSource.Instance.RestoreState(null!));
    }

    [Fact]
    public void A_valid_state_round_trips_and_reformatting_is_harmless()
    {
        string state = Valid();
        using (global::TorchSharp.torch.Tensor t = global::TorchSharp.torch.rand([7]))
        {
        }

        string pretty = JsonNode.Parse(state)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        TorchSharpStateSource.Instance.ValidateState(pretty);
        TorchSharpStateSource.Instance.RestoreState(pretty);
        Assert.Equal(state, TorchSharpStateSource.Instance.CaptureState());
    }

    [Fact]
    public void A_snapshot_with_a_refused_torchsharp_state_changes_nothing()
    {
        OneSeedTorchSharp.Register();
        Seed.Everything(5u);
        RngSnapshot good = RngSnapshot.Capture();
        string dir = Directory.CreateTempSubdirectory("oneseed-ts-bad-").FullName;
        try
        {
            // A snapshot whose torchsharp entry is invalid but whose checksum is right (as a buggy writer would make).
            string path = Path.Combine(dir, "s.json");
            good.Save(path);
            JsonObject file = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            JsonArray sources = file["payload"]!["sources"]!.AsArray();
            JsonObject entry = sources.Single(s => (string)s!["name"]! == "torchsharp")!.AsObject();
            JsonNode stateNode = entry["state"]!;
            bool isString = stateNode.GetValueKind() == System.Text.Json.JsonValueKind.String;
            string stateText = isString ? (string)stateNode! : stateNode.ToJsonString();
            string bad = With(stateText, o => o["version"] = 99);
            entry["state"] = isString ? bad : JsonNode.Parse(bad);
            string payload = file["payload"]!.ToJsonString();
            file["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(payload)));
            File.WriteAllText(path, file.ToJsonString());

            Seed.Everything(6u);
            string pythonBefore = Compat.PythonRandom.Shared.GetStateJson();
            string torchBefore = TorchSharpStateSource.Instance.CaptureState();
            Exception e = Record.Exception(() => RngSnapshot.Load(path).Restore());
            Assert.True(e is FormatException or InvalidOperationException, $"unexpected {e}");
            Assert.DoesNotContain("checksum", e.Message, StringComparison.Ordinal);
            Assert.Contains("torchsharp", e.Message, StringComparison.Ordinal);
            Assert.Equal(pythonBefore, Compat.PythonRandom.Shared.GetStateJson());
            Assert.Equal(torchBefore, TorchSharpStateSource.Instance.CaptureState());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
