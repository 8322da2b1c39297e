using System.Security.Cryptography;

namespace OneSeed.Data.Shards;

/// <summary>The SHA-256 of a shard as <c>index.json</c> spells it: 64 lower-case hexadecimal digits.</summary>
internal static class ShardHash
{
    public static string Hex(byte[] digest) => Convert.ToHexString(digest).ToLowerInvariant();

    public static string Of(byte[] bytes) => Hex(SHA256.HashData(bytes));

    public static string Of(Stream stream) => Hex(SHA256.HashData(stream));
}
