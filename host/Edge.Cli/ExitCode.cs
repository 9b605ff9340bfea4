namespace Edge.Cli;

/// <summary>
/// What `edge` returns to the shell. Ranges: 0 success, 1-9 problems with the invocation or its
/// inputs, 10-19 results a script may want to act on, 20-29 devices and peers, 130 interrupted.
/// </summary>
public enum ExitCode
{
    /// <summary>Done as asked.</summary>
    Ok = 0,

    /// <summary>A bug in edge: the message says what failed; please report it with the command line.</summary>
    InternalError = 1,

    /// <summary>The command line is wrong: see the message and `edge &lt;command&gt; --help`.</summary>
    Usage = 2,

    /// <summary>An input file is missing, malformed, foreign or corrupt: the message names the file and, where it can, row and column.</summary>
    InvalidInput = 3,

    /// <summary>An output could not be written (permissions, full disk): nothing partial was left behind.</summary>
    OutputFailed = 4,

    /// <summary>`--fail-on-drift` was given and drift was confirmed.</summary>
    DriftDetected = 10,

    /// <summary>`edge hil run` ended with cells failed: their reasons are in the results; `--resume` runs them again.</summary>
    RunIncomplete = 11,

    /// <summary>`edge hil compare` found cells that got worse beyond the tolerance (energy, latency, accuracy, or a cell no longer ok).</summary>
    Regressed = 12,

    /// <summary>A device or peer did not answer or answered wrongly.</summary>
    DeviceError = 20,

    /// <summary>Stopped by Ctrl+C before it finished (128 + SIGINT, as shells report it).</summary>
    Interrupted = 130,
}
