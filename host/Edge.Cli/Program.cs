return Edge.Cli.EdgeCli.Run(args);
