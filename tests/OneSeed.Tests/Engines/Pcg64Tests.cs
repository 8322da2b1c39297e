using System.Numerics;
using OneSeed.Engines;

namespace OneSeed.Tests.Engines;

public sealed class Pcg64Tests : Pcg64VariantTests<Pcg64>
{
    protected override string Name => "PCG64";

    protected override string OtherName => "PCG64DXSM";

    protected override Pcg64 Create(BigInteger seed) => new(seed);

    protected override Pcg64 Create(Pcg64State state) => new(state);

    protected override Pcg64State GetState(Pcg64 engine) => engine.GetState();

    protected override void SetState(Pcg64 engine, Pcg64State state) => engine.SetState(state);

    protected override void Advance(Pcg64 engine, BigInteger delta) => engine.Advance(delta);

    protected override Pcg64 Jumped(Pcg64 engine, int jumps) => engine.Jumped(jumps);
}
