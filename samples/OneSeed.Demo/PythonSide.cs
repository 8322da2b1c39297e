using System.Diagnostics;
using System.Text.Json;

namespace OneSeed.Demo;

/// <summary>Runs the Python code of each demo row under /usr/bin/python3 and returns its values, or null if Python/NumPy is missing.</summary>
internal static class PythonSide
{
    // Each snippet is "statements; expression": the statements run, the expression's values are returned as strings.
    private const string Harness = """
        import hashlib, json, random, sys
        import numpy as np
        out = []
        for code in json.load(sys.stdin):
            head, _, last = code.rpartition('; ')
            scope = {'random': random, 'np': np, 'hashlib': hashlib}
            if head:
                exec(head, scope)
            value = eval(last, scope)
            out.append([repr(float(v)) if isinstance(v, (float, np.floating)) else str(int(v)) for v in value])
        json.dump(out, sys.stdout)
        """;

    public static string[][]? Evaluate(IReadOnlyList<string> snippets, out string? problem)
    {
        problem = null;
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            problem = $"{python} not found";
            return null;
        }

        var start = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Harness);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(JsonSerializer.Serialize(snippets));
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Python exited before reading its input (e.g. NumPy missing); its stderr says why.
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string err = stderr.Result;
            problem = err.Contains("No module named 'numpy'", StringComparison.Ordinal)
                ? "NumPy is not installed (apt-get install python3-numpy)"
                : err.Trim().Split('\n')[^1];
            return null;
        }

        return JsonSerializer.Deserialize<string[][]>(stdout.Result);
    }
}
