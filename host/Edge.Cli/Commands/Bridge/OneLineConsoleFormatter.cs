using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Edge.Cli.Commands.Bridge;

/// <summary>
/// `edge bridge run`'s console log: one line per event, an exception as its message only (its
/// stack trace at Debug and Trace), so an operator reads what happened rather than .NET internals.
/// The generic host's own "failed to start" entry is left out: the command reports that failure
/// itself, as its one `error:` line.
/// </summary>
internal sealed class OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleFormatter.Settings> settings) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "edge-one-line";

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public sealed class Settings : ConsoleFormatterOptions
    {
        /// <summary>Write stack traces (at --log-level Debug or Trace).</summary>
        public bool StackTraces { get; set; }
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Category == HostCategory && logEntry.LogLevel >= LogLevel.Error && logEntry.Exception is not null
            && message.StartsWith("Hosting failed to start", StringComparison.Ordinal))
            return;
        var options = settings.CurrentValue;
        textWriter.Write(DateTime.Now.ToString(options.TimestampFormat ?? "yyyy-MM-dd HH:mm:ss ", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(Short(logEntry.Category));
        textWriter.Write(": ");
        textWriter.Write(message.ReplaceLineEndings(" "));
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(": ");
            textWriter.Write(options.StackTraces ? exception.ToString() : exception.Message.ReplaceLineEndings(" "));
        }
        textWriter.WriteLine();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "    ",
    };

    private static string Short(string category) => category[(category.LastIndexOf('.') + 1)..];
}
