using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OneSeed.Seeding;

/// <summary>
/// A 64-bit hash of strings and bytes that is the same on every OS, process, runtime and version — unlike
/// <see cref="string.GetHashCode()"/>, which .NET randomizes per process and which no setting can fix
/// (.NET has no <c>PYTHONHASHSEED</c>).
/// </summary>
/// <remarks>
/// <para>
/// The algorithm is fixed and documented so other languages can reproduce it: the first 8 bytes of the
/// SHA-256 digest of the input (strings as UTF-8), read as a little-endian unsigned integer. In Python:
/// <c>int.from_bytes(hashlib.sha256(s.encode()).digest()[:8], "little")</c>.
/// SHA-256 is slower than a non-cryptographic hash, but stream names and split keys are hashed rarely, and
/// the choice lets any Python port derive the same streams with the standard library alone.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (forever).</para>
/// </remarks>
public static class StableHash
{
    /// <summary>The 64-bit stable hash of <paramref name="text"/> (UTF-8).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ulong Hash64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hash64(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The 64-bit stable hash of <paramref name="data"/>.</summary>
    public static ulong Hash64(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    /// <summary>
    /// Assigns <paramref name="key"/> to one of <paramref name="buckets"/> buckets, the same on every machine:
    /// <c>(Hash64(key) * buckets) &gt;&gt; 64</c>, for reproducible hash-based splits (train/validation, shards).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="buckets"/> is not positive.</exception>
    public static int Bucket(string key, int buckets)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        return (int)Math.BigMul(Hash64(key), (ulong)buckets, out _);
    }
}
