using Microsoft.Extensions.Logging;

namespace Edge.Hil.Bench;

/// <summary>A position's log: every line starts with its board's name, so lines of positions measured at the same time can be told apart.</summary>
public sealed class PositionLogger(ILogger inner, string board) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, (s, e) => $"[{board}] {formatter(s, e)}");
}
