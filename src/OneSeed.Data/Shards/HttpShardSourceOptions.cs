namespace OneSeed.Data.Shards;

/// <summary>How an <see cref="HttpShardSource"/> downloads: concurrency, retries, back-off and time limits.</summary>
/// <remarks>Reproducibility tier: <b>stable</b> (these settings change timing, never the bytes served).</remarks>
public sealed class HttpShardSourceOptions
{
    /// <summary>At most this many shards download at once from one source (prefetching included); default 4.</summary>
    public int MaxConcurrentDownloads { get; init; } = 4;

    /// <summary>Attempts per shard before it fails (dropped connections, short bodies, bad hashes, 5xx and 429 answers, time-outs); default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxBackoff"/>. Default 250 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between attempts; default 10 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The limit on one attempt, from the request to the last byte; default 10 minutes.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The handler under the source's <see cref="HttpClient"/> (authentication, proxies, a test server); null uses a
    /// <see cref="SocketsHttpHandler"/>. The source does not dispose a handler it was given.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentDownloads, 1, nameof(MaxConcurrentDownloads));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBackoff, TimeSpan.Zero, nameof(InitialBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff, nameof(MaxBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
    }
}
