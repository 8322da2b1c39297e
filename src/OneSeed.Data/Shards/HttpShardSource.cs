using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace OneSeed.Data.Shards;

/// <summary>
/// A sharded dataset served over HTTP(S), with a local cache directory: each shard is downloaded on first use (or ahead
/// of it, <see cref="PrefetchAsync(ShardIndex, IEnumerable{int}, CancellationToken)"/>), checked against the index's size
/// and SHA-256, and written into the cache atomically; later reads come from the cache.
/// </summary>
/// <remarks>
/// <para>
/// Downloads: at most <see cref="HttpShardSourceOptions.MaxConcurrentDownloads"/> at once; a failed attempt (refused or
/// dropped connection, a body shorter or longer than the index says, a SHA-256 that differs, a 5xx, 408 or 429 answer,
/// an attempt over <see cref="HttpShardSourceOptions.AttemptTimeout"/>) is retried after a back-off that doubles from
/// <see cref="HttpShardSourceOptions.InitialBackoff"/>; after <see cref="HttpShardSourceOptions.MaxAttempts"/> the read
/// fails with an <see cref="IOException"/> naming the URL, the attempts and the last error (<see cref="ShardedDataset"/>
/// adds the shard and the sample). A 404 or 410 fails at once with a <see cref="FileNotFoundException"/>. Nothing waits
/// without a limit. The back-off has no jitter: it changes only timing, never which bytes are served.
/// </para>
/// <para>
/// The cache: a shard is first written under a temporary name in the cache directory, then renamed, so a crash leaves
/// no partial shard under a real name, and a file a dataset may have mapped is never rewritten in place. A cached file
/// is checked (size and SHA-256) before it is served, and downloaded again if it does not match: a file this source
/// downloaded is served as checked (it was hashed as it was written, so <see cref="ShardedDataset"/> does not hash it
/// again), and one found in the cache is hashed once and then recorded in <c>.oneseed-verified/</c> inside the cache
/// directory, so that a later process serves it unread while it stays unchanged (the records of
/// <see cref="ShardedDatasetOptions.VerificationRecordDirectory"/>). Sources in one process that share a cache
/// directory download each shard once between them, however many threads ask at the same time.
/// </para>
/// <para>Reproducibility tier: <b>stable</b> (every byte served is checked against the index).</para>
/// </remarks>
public sealed class HttpShardSource : IShardSource, IDisposable
{
    // Downloads in progress in this process, by cache file and content: concurrent readers of one shard, through any
    // source sharing the cache directory, wait for one download.
    private static readonly ConcurrentDictionary<string, Lazy<Task>> InFlight = new(StringComparer.Ordinal);

    private readonly HttpClient _client;
    private readonly SemaphoreSlim _slots;
    // Files this source downloaded and hashed as it wrote them, by cache path: the identity they had after the rename.
    private readonly ConcurrentDictionary<string, (FileIdentity Identity, string Sha256)> _written = new(StringComparer.Ordinal);

    // Where statx is missing (not Linux): cached files checked in this process, by their length and modification time.
    private readonly ConcurrentDictionary<string, (long Length, DateTime Written)> _checkedHere = new(StringComparer.Ordinal);

    /// <summary>A source for the dataset at <paramref name="baseUri"/> (the URL of the folder that holds <c>index.json</c>), caching shards in <paramref name="cacheDirectory"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="baseUri"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="baseUri"/> is not an absolute http or https URL, or <paramref name="cacheDirectory"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public HttpShardSource(Uri baseUri, string cacheDirectory, HttpShardSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The dataset URL must be an absolute http or https URL, not '{baseUri}'.", nameof(baseUri));
        }

        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        options ??= new HttpShardSourceOptions();
        options.Validate();

        // Shard names resolve inside the folder only if its URL ends with a slash.
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        CacheDirectory = Path.GetFullPath(cacheDirectory);
        Options = options;
        Directory.CreateDirectory(CacheDirectory);
        _client = options.Handler is null
            ? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }, disposeHandler: true)
            : new HttpClient(options.Handler, disposeHandler: false);
        _client.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own limit
        _slots = new SemaphoreSlim(options.MaxConcurrentDownloads);
    }

    /// <summary>The dataset's URL, ending with a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>The cache directory's absolute path.</summary>
    public string CacheDirectory { get; }

    /// <summary>The download settings.</summary>
    public HttpShardSourceOptions Options { get; }

    /// <inheritdoc />
    public string Location => BaseUri.AbsoluteUri;

    /// <inheritdoc />
    public string Describe(ShardInfo shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return UrlOf(shard.Name).AbsoluteUri;
    }

    /// <inheritdoc />
    /// <remarks>Always asked of the server (with the same retries as shards): the index is what every shard is checked against.</remarks>
    public byte[] ReadIndex()
    {
        Uri url = UrlOf(ShardIndex.FileName);
        using var memory = new MemoryStream();
        RetryAsync(url, async token =>
        {
            memory.SetLength(0);
            await FetchAsync(url, memory, expectedLength: null, token).ConfigureAwait(false);
            return null;
        }).GetAwaiter().GetResult();
        return memory.ToArray();
    }

    /// <inheritdoc />
    public byte[] ReadShard(ShardInfo shard)
    {
        using ShardFile file = OpenShardFile(shard);
        byte[] bytes = new byte[shard.ByteCount];
        int read = 0;
        while (read < bytes.Length && RandomAccess.Read(file.Handle, bytes.AsSpan(read), read) is > 0 and var n)
        {
            read += n;
        }

        return read == bytes.Length ? bytes : throw new IOException($"The cached shard {file.Path} ended after {read} of its {bytes.Length} bytes.");
    }

    /// <inheritdoc />
    /// <remarks>
    /// The cached file, downloaded first if it is not there or does not match the index; always checked against the
    /// index's SHA-256 (<see cref="ShardFile.HashVerified"/> is true).
    /// </remarks>
    public ShardFile OpenShardFile(ShardInfo shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        string path = CachePath(shard);
        for (int pass = 0; pass < 2; pass++)
        {
            if (TryOpenChecked(shard, path) is { } cached)
            {
                return cached;
            }

            EnsureCachedAsync(shard, path).GetAwaiter().GetResult();
        }

        throw new IOException($"Shard {shard.Name} was downloaded to {path}, but the cached file changed before it could be read.");
    }

    /// <summary>Downloads <paramref name="shards"/> into the cache (those not there yet), in the order given, at most <see cref="HttpShardSourceOptions.MaxConcurrentDownloads"/> at a time.</summary>
    /// <returns>A task that completes when all are cached, and fails with the first shard that could not be.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="shards"/> is null.</exception>
    public Task PrefetchAsync(IEnumerable<ShardInfo> shards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var tasks = new List<Task>();
        foreach (ShardInfo shard in shards)
        {
            string path = CachePath(shard);
            if (!IsCached(shard, path))
            {
                tasks.Add(EnsureCachedAsync(shard, path).WaitAsync(cancellationToken));
            }
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>
    /// Downloads the shards of the samples in <paramref name="sampleOrder"/> (an epoch's order, from the sampler) in the
    /// order they are first needed, so that downloads run ahead of reading.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A sample index is outside the index's [0, sample count).</exception>
    public Task PrefetchAsync(ShardIndex index, IEnumerable<int> sampleOrder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(sampleOrder);
        var seen = new HashSet<int>();
        var shards = new List<ShardInfo>();
        foreach (int sample in sampleOrder)
        {
            int shard = index.ShardOf(sample);
            if (seen.Add(shard))
            {
                shards.Add(index.Shards[shard]);
            }
        }

        return PrefetchAsync(shards, cancellationToken);
    }

    /// <summary>Releases the HTTP client (and the handler, when the source made it).</summary>
    public void Dispose()
    {
        _client.Dispose();
        _slots.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"HttpShardSource({BaseUri.AbsoluteUri}, cache {CacheDirectory})";

    private Uri UrlOf(string name) => new(BaseUri, Uri.EscapeDataString(name));

    private string CachePath(ShardInfo shard) => Path.Combine(CacheDirectory, shard.Name);

    private ShardVerificationRecords Records => ShardVerificationRecords.For(Path.Combine(CacheDirectory, ".oneseed-verified"));

    // Whether the cache holds the shard: without reading it when the unchanged file is known to be checked (prefetching
    // asks this of every shard of an epoch).
    private bool IsCached(ShardInfo shard, string path)
    {
        using ShardFile? file = TryOpenChecked(shard, path);
        return file is not null;
    }

    // The cached file, opened, if it is the shard the index names: known from this source's download or a record while
    // unchanged, otherwise hashed (where it lies, through a mapping) and recorded.
    private ShardFile? TryOpenChecked(ShardInfo shard, string path)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // not there, or replaced or removed under us: download again
        }

        try
        {
            if (RandomAccess.GetLength(handle) == shard.ByteCount && IsChecked(shard, path, handle))
            {
                return new ShardFile(handle, path, hashVerified: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        handle.Dispose();
        return null;
    }

    private bool IsChecked(ShardInfo shard, string path, SafeFileHandle handle)
    {
        DateTime started = DateTime.UtcNow;
        FileIdentity? identity = FileIdentity.Of(handle);
        var file = new FileInfo(path);
        (long, DateTime) stamp = (file.Length, file.LastWriteTimeUtc);
        if (identity is { } known
            ? (_written.TryGetValue(path, out var written) && written == (known, shard.Sha256)) || Records.IsVerified(path, known, shard.Sha256)
            : _checkedHere.TryGetValue(path, out var seen) && seen == stamp)
        {
            return true;
        }

        if (shard.ByteCount > int.MaxValue)
        {
            return false;
        }

        MappedShardMemory mapped = MappedShardMemory.Map(handle, (int)shard.ByteCount);
        if (!mapped.Sha256().Equals(shard.Sha256, StringComparison.Ordinal))
        {
            return false;
        }

        if (identity is { } hashed)
        {
            Records.Remember(path, hashed, FileIdentity.Of(handle), shard.Sha256, started);
        }
        else
        {
            _checkedHere[path] = stamp;
        }

        return true;
    }

    private async Task EnsureCachedAsync(ShardInfo shard, string path)
    {
        string key = path + "|" + shard.Sha256;
        var download = new Lazy<Task>(() => DownloadAsync(shard, path));
        Lazy<Task> flight = InFlight.GetOrAdd(key, download);
        try
        {
            await flight.Value.ConfigureAwait(false);
        }
        finally
        {
            InFlight.TryRemove(KeyValuePair.Create(key, flight));
        }
    }

    private Task DownloadAsync(ShardInfo shard, string path)
    {
        // Another flight for this file may have finished between the caller's look into the cache and this flight's
        // start (it leaves the in-flight table once done): then the file is there and nothing is fetched.
        if (IsCached(shard, path))
        {
            return Task.CompletedTask;
        }

        Uri url = UrlOf(shard.Name);
        return RetryAsync(url, async token =>
        {
            string temporary = Path.Combine(CacheDirectory, $".{shard.Name}.{Environment.ProcessId}.{Guid.NewGuid():N}.part");
            try
            {
                byte[] hash;
                FileIdentity? written;
                await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    hash = await FetchAsync(url, file, shard.ByteCount, token).ConfigureAwait(false);
                    await file.FlushAsync(token).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                    written = FileIdentity.Of(file.SafeFileHandle);
                }

                string actual = ShardHash.Hex(hash);
                if (!actual.Equals(shard.Sha256, StringComparison.Ordinal))
                {
                    return $"the body's SHA-256 is {actual}, the index says {shard.Sha256}";
                }

                // A rename, never a rewrite: a dataset may have the old file mapped, and keeps reading its inode.
                File.Move(temporary, path, overwrite: true);
                RememberWritten(shard, path, written);
                return null;
            }
            finally
            {
                File.Delete(temporary);
            }
        });
    }

    // Remembers the file just renamed into the cache as checked, if it is still the inode this source wrote and hashed
    // (same device, inode, size and modification time; the rename itself moves the change time).
    private void RememberWritten(ShardInfo shard, string path, FileIdentity? written)
    {
        if (written is not { } before)
        {
            return;
        }

        try
        {
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            if (FileIdentity.Of(handle) is { } after && after with { ChangedNs = before.ChangedNs } == before)
            {
                _written[path] = (after, shard.Sha256);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    // Runs attempts until one succeeds (returns null), within the attempt limit; an attempt fails by returning why or by
    // throwing a transient error. A 404/410 (FileNotFoundException) and cancellation are not retried.
    private async Task RetryAsync(Uri url, Func<CancellationToken, Task<string?>> attempt)
    {
        string last = "no attempt was made";
        Exception? lastException = null;
        TimeSpan backoff = Options.InitialBackoff;
        for (int n = 1; n <= Options.MaxAttempts; n++)
        {
            if (n > 1)
            {
                await Task.Delay(backoff).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Options.MaxBackoff.Ticks));
            }

            await _slots.WaitAsync().ConfigureAwait(false);
            using var limit = new CancellationTokenSource(Options.AttemptTimeout);
            try
            {
                string? problem = await attempt(limit.Token).ConfigureAwait(false);
                if (problem is null)
                {
                    return;
                }

                (last, lastException) = (problem, null);
            }
            catch (FileNotFoundException)
            {
                throw;
            }
            catch (OperationCanceledException e) when (limit.IsCancellationRequested)
            {
                (last, lastException) = (string.Create(CultureInfo.InvariantCulture, $"the attempt took longer than {Options.AttemptTimeout.TotalSeconds:0.###} s"), e);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TransientStatusException)
            {
                (last, lastException) = (e.Message, e);
            }
            finally
            {
                _slots.Release();
            }
        }

        throw new IOException(string.Create(CultureInfo.InvariantCulture, $"{url} could not be downloaded: {Options.MaxAttempts} attempt(s) failed; the last: {last}."), lastException);
    }

    // Streams the body of url into destination (hashing it), refusing a body of another length than expected.
    private async Task<byte[]> FetchAsync(Uri url, Stream destination, long? expectedLength, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new FileNotFoundException(string.Create(CultureInfo.InvariantCulture, $"{url} does not exist (HTTP {(int)response.StatusCode})."), url.AbsoluteUri);
        }

        if (!response.IsSuccessStatusCode)
        {
            string status = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            bool transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            throw transient ? new TransientStatusException(status) : new IOException($"{url} answered {status}.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using Stream body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int read; (read = await body.ReadAsync(buffer, token).ConfigureAwait(false)) > 0;)
        {
            total += read;
            if (expectedLength is { } most && total > most)
            {
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the body is longer than the {most} bytes the index says"));
            }

            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
        }

        if (expectedLength is { } length && total != length)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the body ended after {total} of the {length} bytes the index says"));
        }

        return hash.GetHashAndReset();
    }

    private sealed class TransientStatusException(string message) : Exception(message);
}
