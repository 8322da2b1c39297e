using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OneSeed.Analyzers.Tests;

/// <summary>
/// The repository clean under its own rules: every project under src/ (but the analyzers), samples/ and bench/ is
/// compiled again from the inputs its build recorded (Directory.Build.targets writes them to
/// obj/&lt;Configuration&gt;/net10.0/oneseed.compile-inputs.txt) and analyzed by every OneSeed analyzer. No finding may
/// stand, and a suppressed one needs its reason in the source: <c>#pragma warning disable ONESEED00n // why</c> (a
/// comment on the directive's line), or <c>[SuppressMessage("Reproducibility", "ONESEED00n", Justification = "why")]</c>.
/// Project-wide switches (<c>NoWarn</c>, <c>.editorconfig</c> severities) do not count: they are not applied here.
/// </summary>
public sealed class RepositoryCleanTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const string TargetFramework = "net10.0";

    private static readonly string RepositoryRoot = FindRepositoryRoot();

    /// <summary>The projects checked: found on disk, so a new one is checked (or named as missing) without editing this test.</summary>
    public static TheoryData<string> Projects()
    {
        var projects = new TheoryData<string>();
        foreach (string folder in new[] { "src", "samples", "bench" })
        {
            foreach (string project in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), "*.csproj", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("src/OneSeed.Analyzers", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                projects.Add(project);
            }
        }

        return projects;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Project_has_no_unjustified_OneSeed_finding(string project)
    {
        CompileInputs inputs = CompileInputs.Read(RepositoryRoot, project);
        CSharpCompilation compilation = inputs.CreateCompilation();
        // Wrong references or defines would make the analyzers see a different program (or none): it must compile.
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToArray();
        Assert.True(errors.Length == 0, $"{project} does not compile from its recorded inputs:\n{string.Join("\n", errors.Select(e => e.ToString()))}");

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        ImmutableArray<Diagnostic> findings = await compilation.WithAnalyzers(AllOneSeedAnalyzers(), options).GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.IsEmpty, $"An analyzer threw on {project}:\n{string.Join("\n", exceptions)}");
        string[] problems = findings
            .Where(d => d.Id.StartsWith("ONESEED", StringComparison.Ordinal))
            .Select(d => d.IsSuppressed
                ? Justification(d, compilation) is null ? $"suppressed without a reason: {Describe(d)}" : null
                : $"finding: {Describe(d)}")
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(problems.Length == 0, $"{project}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Every_analyzer_in_the_assembly_is_run()
    {
        // The rules the check runs are discovered, not listed: this pins that the discovery finds them all.
        string[] ids = AllOneSeedAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["ONESEED001", "ONESEED002", "ONESEED003", "ONESEED004", "ONESEED005", "ONESEED006", "ONESEED007"], ids);
    }

    [Theory]
    [InlineData("#pragma warning disable ONESEED001 // jitter for retry back-off, not part of any result\nclass C { System.Random R = new System.Random(); }", true)]
    [InlineData("#pragma warning disable ONESEED001\nclass C { System.Random R = new System.Random(); }", false)]
    [InlineData("#pragma warning disable ONESEED001 //   \nclass C { System.Random R = new System.Random(); }", false)]
    [InlineData("class C { [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Reproducibility\", \"ONESEED001\", Justification = \"a test double\")] System.Random M() => new System.Random(); }", true)]
    [InlineData("class C { [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Reproducibility\", \"ONESEED001\")] System.Random M() => new System.Random(); }", false)]
    public async Task A_suppression_counts_only_with_its_reason(string source, bool justified)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Suppressions",
            [CSharpSyntaxTree.ParseText(source, path: "C.cs")],
            RuntimeReferences.Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, true, false, reportSuppressedDiagnostics: true);
        Diagnostic finding = Assert.Single(await compilation.WithAnalyzers(AllOneSeedAnalyzers(), options).GetAnalyzerDiagnosticsAsync());

        Assert.True(finding.IsSuppressed);
        Assert.Equal(justified, Justification(finding, compilation) is not null);
    }

    private static ImmutableArray<DiagnosticAnalyzer> AllOneSeedAnalyzers() =>
        typeof(OneSeedAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>The reason written beside the suppression of <paramref name="diagnostic"/>, or null when there is none.</summary>
    private static string? Justification(Diagnostic diagnostic, Compilation compilation)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return null;
        }

        int position = diagnostic.Location.SourceSpan.Start;
        // The pragma that disables this ID last before the finding: its comment, on the directive's own line.
        PragmaWarningDirectiveTriviaSyntax? pragma = tree.GetRoot()
            .DescendantTrivia(descendIntoTrivia: true)
            .Select(trivia => trivia.GetStructure())
            .OfType<PragmaWarningDirectiveTriviaSyntax>()
            .Where(p => p.SpanStart < position && p.ErrorCodes.Any(code => code.ToString().Trim() == diagnostic.Id))
            .LastOrDefault();
        if (pragma is not null && pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
        {
            // "#pragma warning disable ONESEED007 // why": the comment is trivia of the directive's last token.
            string text = pragma.ToFullString();
            int slashes = text.IndexOf("//", StringComparison.Ordinal);
            string? comment = slashes < 0 ? null : text[(slashes + 2)..].Trim() is { Length: > 0 } reason ? reason : null;
            if (comment is not null)
            {
                return comment;
            }
        }

        // [SuppressMessage] on the member, an enclosing type, or the assembly, with a non-empty Justification.
        SemanticModel model = compilation.GetSemanticModel(tree);
        IEnumerable<ISymbol> owners = Enclosing(model.GetEnclosingSymbol(position)).Append(compilation.Assembly).Append(compilation.Assembly.Modules.First());
        return owners
            .SelectMany(owner => owner.GetAttributes())
            .Where(attribute => attribute.AttributeClass?.Name is "SuppressMessageAttribute" or "UnconditionalSuppressMessageAttribute"
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[1].Value is string check
                && check.StartsWith(diagnostic.Id, StringComparison.Ordinal))
            .SelectMany(attribute => attribute.NamedArguments)
            .Where(argument => argument.Key == "Justification" && argument.Value.Value is string text && !string.IsNullOrWhiteSpace(text))
            .Select(argument => (string)argument.Value.Value!)
            .FirstOrDefault();
    }

    private static IEnumerable<ISymbol> Enclosing(ISymbol? symbol)
    {
        for (ISymbol? current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            yield return current;
            if (current is IMethodSymbol { AssociatedSymbol: { } property })
            {
                yield return property;
            }
        }
    }

    private static string Describe(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return $"{Path.GetRelativePath(RepositoryRoot, span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneSeed.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No OneSeed.slnx above {AppContext.BaseDirectory}: the test runs from the repository's build output.");
    }

    /// <summary>What one project's compiler was given, as Directory.Build.targets recorded it.</summary>
    private sealed class CompileInputs
    {
        private readonly string _project;
        private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
        private readonly List<string> _sources = [];
        private readonly List<string> _references = [];

        private CompileInputs(string project) => _project = project;

        public static CompileInputs Read(string root, string project)
        {
            string projectDirectory = Path.GetDirectoryName(Path.Combine(root, project))!;
            string path = Path.Combine(projectDirectory, "obj", Configuration, TargetFramework, "oneseed.compile-inputs.txt");
            if (!File.Exists(path))
            {
                // A failure, not a skip: an unchecked project is exactly what this test exists to prevent.
                throw new InvalidOperationException(
                    $"{project} has no recorded compile inputs ({Path.GetRelativePath(root, path)}). Build it in {Configuration} for {TargetFramework} first: "
                    + "tests/OneSeed.Analyzers.Tests.csproj must reference it (ReferenceOutputAssembly=\"false\") so that building the test builds it.");
            }

            var inputs = new CompileInputs(project);
            foreach (string line in File.ReadAllLines(path))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                string key = line[..colon], value = line[(colon + 1)..];
                switch (key)
                {
                    case "source" or "generated":
                        inputs._sources.Add(value);
                        break;
                    case "reference":
                        inputs._references.Add(value);
                        break;
                    default:
                        inputs._settings[key] = value;
                        break;
                }
            }

            return inputs;
        }

        public CSharpCompilation CreateCompilation()
        {
            LanguageVersion language = LanguageVersion.Latest;
            if (_settings.TryGetValue("langversion", out string? version) && version.Length > 0)
            {
                Assert.True(LanguageVersionFacts.TryParse(version, out language), $"{_project}: unknown LangVersion '{version}'");
            }

            string[] defines = _settings.GetValueOrDefault("define", string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var parse = new CSharpParseOptions(language, preprocessorSymbols: defines);
            SyntaxTree[] trees = _sources
                .Distinct(StringComparer.Ordinal)
                .Select(path => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path), Encoding.UTF8), parse, path))
                .ToArray();
            OutputKind output = _settings.GetValueOrDefault("outputkind") is "Exe" or "WinExe" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            NullableContextOptions nullable = _settings.GetValueOrDefault("nullable") switch
            {
                "enable" => NullableContextOptions.Enable,
                "warnings" => NullableContextOptions.Warnings,
                "annotations" => NullableContextOptions.Annotations,
                _ => NullableContextOptions.Disable,
            };
            var options = new CSharpCompilationOptions(
                output,
                nullableContextOptions: nullable,
                allowUnsafe: string.Equals(_settings.GetValueOrDefault("unsafe"), "true", StringComparison.OrdinalIgnoreCase));
            return CSharpCompilation.Create(
                Path.GetFileNameWithoutExtension(_project),
                trees,
                _references.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
                options);
        }
    }
}
