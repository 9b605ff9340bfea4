using Microsoft.Extensions.Logging;

namespace Edge.Cli.Commands.Hil;

/// <summary>The harness's log on the error stream: warnings always, what it does step by step with --verbose.</summary>
internal sealed class StderrLogger(TextWriter error, LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        string level = logLevel >= LogLevel.Error ? "error" : logLevel == LogLevel.Warning ? "warning" : "info";
        lock (error) error.WriteLine($"{level}: {formatter(state, exception)}");
    }
}
