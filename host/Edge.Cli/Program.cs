using System.Globalization;
using System.Text;

// Process-wide as well, for threads that do not inherit the run's culture (timers, pools started outside it).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
// The console's own writer passes output on in 256-character pieces, one system call each (a 100k-row
// `drift replay --json` made 36,905 writes, 0.1 s of system time). A larger buffer still flushed after
// every write keeps progress lines prompt and hands a large write to the system in a few calls.
Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = true });
return await Edge.Cli.EdgeCli.RunAsync(args);
