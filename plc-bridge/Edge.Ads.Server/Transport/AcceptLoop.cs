using System.Net.Sockets;

namespace Edge.Ads.Server.Transport;

/// <summary>
/// Accepts connections until stopped and hands each to the server. A connection that died while
/// queued is skipped at once; any other accept error (out of file descriptors: EMFILE, ENFILE;
/// out of buffers) leaves the pending connection queued, so retrying at once would spin. Each such
/// error is counted and followed by a pause that doubles from <see cref="FirstPause"/> to
/// <see cref="LongestPause"/>; the log says so (throttled), and says once when accepting works again.
/// </summary>
internal sealed class AcceptLoop(
    Func<CancellationToken, ValueTask<Socket>> accept,
    Action<Socket> admit,
    TimeProvider time,
    AdsServerCounters counters,
    AdsServerLog log)
{
    public static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stopping)
    {
        var pause = FirstPause;
        long failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await accept(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || (e is SocketException && stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                continue; // a connection that died while queued; the next one may be fine
            }
            catch (SocketException e)
            {
                failures++;
                counters.AcceptFailed();
                log.AcceptFailed($"{e.Message} ({e.SocketErrorCode})", pause, counters.ActiveConnections);
                try
                {
                    await Task.Delay(pause, time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
                continue;
            }
            if (failures > 0)
            {
                log.AcceptRecovered(failures);
                failures = 0;
                pause = FirstPause;
            }
            admit(socket);
        }
    }
}
