namespace OneSeed.Engines;

/// <summary>The draws of any <see cref="BitGenerator"/> through its virtual methods: the fallback for engines without their own source.</summary>
internal readonly struct VirtualSource(BitGenerator engine) : IRawSource
{
    public ulong NextUInt64() => engine.NextUInt64();

    public uint NextUInt32() => engine.NextUInt32();

    public double NextDouble() => engine.NextDouble();
}
