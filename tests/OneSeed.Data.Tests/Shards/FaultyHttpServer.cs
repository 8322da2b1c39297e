using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneSeed.Data.Tests.Shards;

/// <summary>What the server does with one request for a path.</summary>
internal enum Fault
{
    /// <summary>Serve the file.</summary>
    None,

    /// <summary>Read the request and close the connection without answering.</summary>
    Drop,

    /// <summary>Announce the whole file, send half of it, close.</summary>
    Truncate,

    /// <summary>Serve the file with one byte changed.</summary>
    Corrupt,

    /// <summary>Serve the file with extra bytes after it (a different, longer file).</summary>
    Longer,

    /// <summary>Answer 503 Service Unavailable.</summary>
    Unavailable,

    /// <summary>Answer 429 Too Many Requests.</summary>
    TooManyRequests,

    /// <summary>Read the request and answer nothing for a long time.</summary>
    Hang,

    /// <summary>Answer 404 Not Found.</summary>
    NotFound,
}

/// <summary>
/// A minimal HTTP/1.1 file server on the loopback address for the remote-shard tests, that can misbehave on purpose:
/// per path, a queue of faults to apply to the next requests (then <see cref="Fault.None"/>), or a fault for every
/// request. Counts and logs the requests. One response per connection (<c>Connection: close</c>).
/// </summary>
internal sealed class FaultyHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Fault> _always = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Task _accepting;

    public FaultyHttpServer(string root)
    {
        Root = root;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public string Root { get; }

    public Uri BaseUri => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/data/"));

    /// <summary>The file names requested, in order of arrival.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public int Requests(string name) => _counts.TryGetValue(name, out int n) ? n : 0;

    public int TotalRequests => _counts.Values.Sum();

    /// <summary>The next requests for <paramref name="name"/> meet these faults, one each, in order.</summary>
    public void Then(string name, params Fault[] faults)
    {
        ConcurrentQueue<Fault> queue = _next.GetOrAdd(name, _ => new ConcurrentQueue<Fault>());
        foreach (Fault fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Every request for <paramref name="name"/> meets <paramref name="fault"/> (<see cref="Fault.None"/> to stop).</summary>
    public void Always(string name, Fault fault) => _always[name] = fault;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                string? path = await ReadRequestPathAsync(stream);
                if (path is null || !path.StartsWith("/data/", StringComparison.Ordinal))
                {
                    await RespondAsync(stream, 404, "Not Found", []);
                    return;
                }

                string name = Uri.UnescapeDataString(path["/data/".Length..]);
                _counts.AddOrUpdate(name, 1, (_, n) => n + 1);
                _log.Enqueue(name);
                Fault fault = _always.TryGetValue(name, out Fault always) && always != Fault.None ? always
                    : _next.TryGetValue(name, out var queue) && queue.TryDequeue(out Fault next) ? next : Fault.None;
                string file = Path.Combine(Root, name);
                if (fault == Fault.NotFound || !File.Exists(file))
                {
                    await RespondAsync(stream, 404, "Not Found", []);
                    return;
                }

                byte[] body = await File.ReadAllBytesAsync(file);
                switch (fault)
                {
                    case Fault.Drop:
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    case Fault.Hang:
                        await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                        return;
                    case Fault.Unavailable:
                        await RespondAsync(stream, 503, "Service Unavailable", []);
                        return;
                    case Fault.TooManyRequests:
                        await RespondAsync(stream, 429, "Too Many Requests", []);
                        return;
                    case Fault.Truncate:
                        await WriteHeadAsync(stream, 200, "OK", body.Length);
                        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    case Fault.Corrupt:
                        body[body.Length / 3] ^= 0x5A;
                        break;
                    case Fault.Longer:
                        body = [.. body, .. "trailing bytes"u8];
                        break;
                }

                await RespondAsync(stream, 200, "OK", body);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away: nothing to answer.
            }
        }
    }

    private static async Task<string?> ReadRequestPathAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return null;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        string[] requestLine = head.ToString().Split("\r\n")[0].Split(' ');
        return requestLine.Length == 3 && requestLine[0] == "GET" ? requestLine[1] : null;
    }

    private static async Task RespondAsync(NetworkStream stream, int status, string reason, byte[] body)
    {
        await WriteHeadAsync(stream, status, reason, body.Length);
        await stream.WriteAsync(body);
    }

    private static Task WriteHeadAsync(NetworkStream stream, int status, string reason, long length) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Length: {length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"))).AsTask();
}
