using System.Globalization;

// Process-wide as well, for threads that do not inherit the run's culture (timers, pools started outside it).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
return await Edge.Cli.EdgeCli.RunAsync(args);
