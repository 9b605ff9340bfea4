using Microsoft.Extensions.Logging;

namespace Edge.Store.Spool;

/// <summary>
/// Sends a <see cref="StoreSpool"/>'s entries to the store in the background: at once when woken (a new
/// entry), else every <see cref="SpoolRetry.Poll"/>; while the store cannot be reached it waits longer and
/// longer between tries (<see cref="SpoolRetry.First"/> doubling up to <see cref="SpoolRetry.Longest"/>).
/// Never throws out of <see cref="RunAsync"/> except when cancelled: a service that spools keeps serving.
/// </summary>
public sealed class SpoolUploader(StoreSpool spool, ArtifactStore store, ILogger logger, SpoolRetry? retry = null)
{
    private readonly SpoolRetry _retry = retry ?? new SpoolRetry();
    private readonly SemaphoreSlim _wake = new(0, 1);

    public StoreSpool Spool { get; } = spool;

    /// <summary>Entries sent since start.</summary>
    public int Sent { get; private set; }

    /// <summary>Tries that found the store unavailable since start (each followed by a wait).</summary>
    public int Failures { get; private set; }

    /// <summary>Starts a pass now (after an entry was added) instead of at the next poll.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>
    /// Runs <see cref="RunAsync"/> in the background until the returned handle is disposed; disposing stops it
    /// and waits for the pass in flight (so nothing is sent after, and a <see cref="DrainAsync"/> may follow).
    /// </summary>
    public IAsyncDisposable StartInBackground() => new BackgroundRun(this);

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = _retry.First;
        while (!cancellationToken.IsCancellationRequested)
        {
            bool unavailable;
            try
            {
                unavailable = !await PassAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-pass: the entry being sent stays in the spool and is sent again later (no duplicate: content-addressed).
                return;
            }
            var wait = unavailable ? delay : _retry.Poll;
            delay = unavailable ? _retry.After(delay) : _retry.First;
            try
            {
                // A new entry wakes the uploader; while the store is down it still waits out the back-off.
                if (unavailable) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                else await _wake.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends until the spool is empty, trying again with back-off while the store is unavailable, for at most
    /// <paramref name="patience"/>: true when empty (for a command that ends, such as `edge hil run --store`).
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + patience;
        var delay = _retry.First;
        while (true)
        {
            if (await PassAsync(cancellationToken).ConfigureAwait(false) && Spool.Pending().Count == 0) return true;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return false;
            await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
            delay = _retry.After(delay);
        }
    }

    private sealed class BackgroundRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;

        public BackgroundRun(SpoolUploader uploader) => _running = Task.Run(() => uploader.RunAsync(_stop.Token), CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _running.ConfigureAwait(false);
            _stop.Dispose();
        }
    }

    /// <summary>One pass; false when the store was unavailable.</summary>
    private async Task<bool> PassAsync(CancellationToken cancellationToken)
    {
        try
        {
            var upload = await Spool.UploadAsync(store, cancellationToken).ConfigureAwait(false);
            Sent += upload.Sent;
            if (upload.Sent > 0) logger.LogInformation("Sent {Count} spooled upload(s) to {Store}", upload.Sent, store.Location);
            foreach (string rejected in upload.Rejected)
                logger.LogError("The store refused a spooled upload for good; it is set aside in {Folder} (move it back into {Spool} once the cause is fixed): {Entry}",
                    Path.Combine(Spool.Folder, StoreSpool.RejectedFolder), Spool.Folder, rejected);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StoreException e)
        {
            Failures++;
            logger.LogWarning("{Count} upload(s) wait in {Spool}: {Reason}", Spool.Pending().Count, Spool.Folder, e.Message);
            return false;
        }
        catch (IOException e)
        {
            // The spool's own disk (full, removed): the entries stay, the service keeps running.
            Failures++;
            logger.LogError("The spool {Spool} cannot be read or cleaned: {Reason}", Spool.Folder, e.Message);
            return false;
        }
    }
}

/// <summary>How the uploader waits: between passes when all went well, and the back-off while the store is unavailable.</summary>
public sealed record SpoolRetry
{
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan First { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Longest { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait after <paramref name="delay"/> while the store stays unavailable: doubled, at most <see cref="Longest"/>.</summary>
    public TimeSpan After(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Longest.Ticks));
}
