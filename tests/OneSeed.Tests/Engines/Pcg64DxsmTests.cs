using System.Numerics;
using OneSeed.Engines;

namespace OneSeed.Tests.Engines;

public sealed class Pcg64DxsmTests : Pcg64VariantTests<Pcg64Dxsm>
{
    protected override string Name => "PCG64DXSM";

    protected override string OtherName => "PCG64";

    protected override Pcg64Dxsm Create(BigInteger seed) => new(seed);

    protected override Pcg64Dxsm Create(Pcg64State state) => new(state);

    protected override Pcg64State GetState(Pcg64Dxsm engine) => engine.GetState();

    protected override void SetState(Pcg64Dxsm engine, Pcg64State state) => engine.SetState(state);

    protected override void Advance(Pcg64Dxsm engine, BigInteger delta) => engine.Advance(delta);

    protected override Pcg64Dxsm Jumped(Pcg64Dxsm engine, int jumps) => engine.Jumped(jumps);
}
