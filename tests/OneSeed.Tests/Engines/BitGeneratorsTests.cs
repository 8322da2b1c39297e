using OneSeed.Engines;
using OneSeed.Seeding;

namespace OneSeed.Tests.Engines;

public sealed class BitGeneratorsTests
{
    [Fact]
    public void Every_name_creates_its_engine_and_restores_from_its_own_state()
    {
        foreach (string name in BitGenerators.Names)
        {
            BitGenerator engine = BitGenerators.Create(name, 99);
            engine.NextUInt32(); // leave a buffered half where the engine has one
            BitGenerator restored = BitGenerators.FromStateJson(engine.GetStateJson());
            Assert.Equal(engine.GetType(), restored.GetType());
            Assert.Equal(Enumerable.Range(0, 50).Select(_ => engine.NextUInt64()), Enumerable.Range(0, 50).Select(_ => restored.NextUInt64()));
        }
    }

    [Fact]
    public void Create_by_name_equals_the_constructor()
    {
        Assert.Equal(new Pcg64(5).NextUInt64(), BitGenerators.Create("PCG64", new SeedSequence(5)).NextUInt64());
        Assert.Equal(new Philox(5).NextUInt64(), BitGenerators.Create("Philox", 5).NextUInt64());
    }

    [Fact]
    public void Unknown_names_and_bad_json_are_refused_with_the_allowed_names()
    {
        Assert.Contains("PCG64DXSM", Assert.Throws<ArgumentException>(() => BitGenerators.Create("pcg64", 1)).Message, StringComparison.Ordinal);
        Assert.Contains("MT19937", Assert.Throws<FormatException>(() => BitGenerators.FromStateJson("{\"bit_generator\":\"Xoshiro\"}")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => BitGenerators.FromStateJson("[1]"));
        Assert.Throws<FormatException>(() => BitGenerators.FromStateJson("{"));
        Assert.Throws<FormatException>(() => BitGenerators.FromStateJson("{\"bit_generator\":\"PCG64\",\"state\":{\"state\":1,\"inc\":2},\"has_uint32\":0,\"uinteger\":0}"));
    }
}
