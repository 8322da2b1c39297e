using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneSeed.Tests.Infrastructure;

/// <summary>
/// Runs a script from tests/oracles under Debian's /usr/bin/python3 (which sees Debian's python3-numpy and
/// python3-torch), sends it a JSON request on stdin and returns its JSON answer.
/// </summary>
/// <remarks>
/// A missing oracle is a test failure, never a skip: the differential tests are the proof of compatibility.
/// <c>.ci/run</c> installs the packages; locally, <c>apt-get install python3-numpy python3-torch</c>.
/// </remarks>
internal static class PythonOracle
{
    public const string Interpreter = "/usr/bin/python3";

    public static JsonNode Run(string script, JsonNode request)
    {
        string path = Path.Combine(RepoPaths.Oracles, script);
        if (!File.Exists(Interpreter))
        {
            throw new InvalidOperationException($"The oracle interpreter {Interpreter} is missing; install python3 (and python3-numpy python3-torch) with apt, or run .ci/run.");
        }

        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        start.Environment["PYTHONHASHSEED"] = "0";
        start.Environment["OMP_NUM_THREADS"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Interpreter}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(request.ToJsonString());
        process.StandardInput.Close();
        process.WaitForExit();
        string output = stdout.Result;
        string errors = stderr.Result;
        if (process.ExitCode != 0)
        {
            string hint = errors.Contains("ModuleNotFoundError", StringComparison.Ordinal)
                ? " The oracle's Python packages are missing: apt-get install python3-numpy python3-torch (.ci/run does this)."
                : string.Empty;
            throw new InvalidOperationException($"Oracle {script} exited with {process.ExitCode}.{hint}\n{errors}");
        }

        return JsonNode.Parse(output) ?? throw new InvalidOperationException($"Oracle {script} printed no JSON.");
    }

    /// <summary>Reads a checked-in golden vector file (made by a script in tests/oracles).</summary>
    public static JsonNode LoadGolden(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.GoldenVectors, fileName)))
        ?? throw new InvalidOperationException($"Golden vector file {fileName} is empty.");
}
