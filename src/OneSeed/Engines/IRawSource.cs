namespace OneSeed.Engines;

/// <summary>
/// One engine's draws, as a struct that generic bulk code is specialised for: called through a sealed engine type,
/// the draws are direct, inlinable calls instead of one virtual call each (see <see cref="BitGenerator.FillSampled{TSampler, T}"/>).
/// </summary>
internal interface IRawSource
{
    ulong NextUInt64();

    uint NextUInt32();

    double NextDouble();
}
