using System.Collections.Concurrent;
using Edge.Ads.Server;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Tests.Support;

/// <summary>Keeps what the server logs, so tests can check a disconnect names its cause.</summary>
internal sealed class CapturingLogger(LogLevel minimum = LogLevel.Debug) : ILogger<AdsServer>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => _entries.ToArray();

    public bool Contains(LogLevel level, string text) => _entries.Any(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            _entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
