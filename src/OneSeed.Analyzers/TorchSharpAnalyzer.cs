using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OneSeed.Analyzers;

/// <summary>
/// Reports ONESEED007: TorchSharp randomness that OneSeed's seeding does not reach. <c>torch.manual_seed</c> and
/// <c>torch.random.manual_seed</c> (TorchSharp's CPU generator only); the TorchSharp torchvision transforms that draw
/// from an unseeded <c>System.Random</c> of their own (<see cref="TorchSharpTypes.SystemRandomTransforms"/>); and TorchSharp's <c>DataLoader</c> with <c>shuffle: true</c> (a
/// <c>System.Random</c> of its own: unseeded, or with <c>seed:</c> re-created every epoch, so every epoch has the same order).
/// </summary>
/// <remarks>
/// TorchSharp's types are matched by their metadata names (<see cref="TorchSharpTypes"/>): in a compilation without
/// TorchSharp nothing is registered. A <c>shuffle</c> argument is reported only when it is the constant <c>true</c>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TorchSharpAnalyzer : OneSeedAnalyzer
{
    /// <summary>ONESEED007: TorchSharp randomness outside OneSeed's seeding.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.TorchSharpRandomness,
        title: "TorchSharp randomness is not covered by OneSeed",
        messageFormat: "'{0}' {1}; use {2} instead",
        RuleText.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "torch.manual_seed seeds only TorchSharp's CPU generator: CUDA's generators, OneSeed's streams and TorchSharp's torchvision transforms stay unseeded. TorchSharp's RandomResizedCrop, RandomRotation, RandomPerspective and RandomOrder draw from their own unseeded System.Random, and its DataLoader shuffles with a System.Random of its own. Seed.Everything after OneSeedTorchSharp.Register() seeds TorchSharp's CPU and CUDA generators with OneSeed's; OneSeed.Data's DataLoader shuffles and augments from the loader's seed.",
        helpLinkUri: RuleText.HelpBase + "oneseed007");

    private const string SeedEverything = "Seed.Everything(seed) after OneSeedTorchSharp.Register() (or OneSeedTorchSharp.Everything(seed))";

    private const string OneSeedLoader = "OneSeed.Data's DataLoader<T> with Shuffle = true and a Seed (a new order every epoch, the same in every run)";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    private protected override void Register(CompilationStartAnalysisContext start, RandomTypes types)
    {
        if (TorchSharpTypes.TryCreate(start.Compilation) is not { } torch)
        {
            return;
        }

        start.RegisterOperationAction(c => AnalyzeInvocation(c, torch), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeCreation(c, torch), OperationKind.ObjectCreation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, TorchSharpTypes torch)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (torch.IsManualSeed(method))
        {
            ReportQuoting(context, Rule, invocation, "seeds only TorchSharp's CPU generator: CUDA's generators, OneSeed's streams and the System.Random inside TorchSharp's loader and some transforms stay unseeded", SeedEverything);
        }
        else if (torch.IsRandomTransformFactory(method))
        {
            ReportTransform(context, invocation);
        }
        else if (torch.IsDataLoaderFactory(method))
        {
            ReportShuffle(context, invocation, invocation.Arguments);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, TorchSharpTypes torch)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        if (torch.IsRandomTransformType(type))
        {
            ReportTransform(context, creation);
        }
        else if (torch.IsDataLoaderType(type))
        {
            ReportShuffle(context, creation, creation.Arguments);
        }
    }

    private static void ReportTransform(OperationAnalysisContext context, IOperation operation) =>
        ReportQuoting(context, Rule, operation, "draws from its own unseeded System.Random, which no seed reaches, so every run augments differently", "an augmentation drawn from OneSeed.Data's SampleContext.Rng");

    private static void ReportShuffle(OperationAnalysisContext context, IOperation operation, ImmutableArray<IArgumentOperation> arguments)
    {
        if (!arguments.Any(a => a.Parameter?.Name == "shuffle" && a.Value.ConstantValue is { HasValue: true, Value: true }))
        {
            return;
        }

        // TorchSharp creates the shuffler's System.Random at the start of every epoch: from 'seed' when given (the same
        // order every epoch), unseeded otherwise (a different order every run).
        bool seeded = arguments.Any(a => a.Parameter?.Name == "seed"
            && a.ArgumentKind != ArgumentKind.DefaultValue
            && a.Value.ConstantValue is not { HasValue: true, Value: null });
        ReportQuoting(
            context,
            Rule,
            operation,
            seeded
                ? "shuffles with a System.Random re-created from 'seed' every epoch, so every epoch has the same order"
                : "shuffles with an unseeded System.Random, which no seed reaches, so every run has a different order",
            OneSeedLoader);
    }
}
