using System.Security.Cryptography;

namespace OneSeed.Data.Shards;

/// <summary>The SHA-256 of a shard as <c>index.json</c> spells it: 64 lower-case hexadecimal digits.</summary>
internal static class ShardHash
{
    public static string Hex(byte[] digest) => Convert.ToHexString(digest).ToLowerInvariant();

    /// <summary>The hash of <paramref name="bytes"/>: a byte array or a memory-mapped file, hashed where it lies (no copy).</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    public static string Of(Stream stream) => Hex(SHA256.HashData(stream));
}
