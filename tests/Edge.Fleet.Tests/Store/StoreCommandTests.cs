using Edge.Cli;
using Edge.Fleet.Tests.Support;
using Edge.TestSupport;
using Edge.TestSupport.Servers;

namespace Edge.Fleet.Tests.Store;

/// <summary>`edge store` against the S3 gateway with credentials the way AWS tooling takes them (a profile in a credentials file, the endpoint in AWS_ENDPOINT_URL).</summary>
[TestClass]
public sealed class StoreCommandTests
{
    private static readonly string[] Variables = ["AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"];

    [TestMethod]
    public void Push_ls_and_pull_through_the_cli_with_a_named_AWS_profile()
    {
        string bucket = SharedServers.NewBucket();
        string folder = RepoPaths.TempDirectory("aws");
        string credentials = Path.Combine(folder, "credentials");
        File.WriteAllText(credentials, $"[bench]\naws_access_key_id = {CephGateway.AccessKey}\naws_secret_access_key = {CephGateway.SecretKey}\n");
        File.WriteAllText(Path.Combine(folder, "config"), "[profile bench]\nregion = us-east-1\n");
        var saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (string v in Variables) Environment.SetEnvironmentVariable(v, null);
            Environment.SetEnvironmentVariable("AWS_PROFILE", "bench");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", credentials);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(folder, "config"));
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", SharedServers.Gateway.Endpoint.ToString());
            string store = $"s3://{bucket}/edge";

            var push = Run("store", "push", SampleRuns.Original, "--run", "fw-1.0", "--store", store);
            var ls = Run("store", "ls", "--store", store);
            string pulled = Path.Combine(RepoPaths.TempDirectory("cli-pull"), "copy");
            var pull = Run("store", "pull", "fw-1.0", "--out", pulled, "--store", store);
            var missing = Run("store", "pull", "no-such-run", "--out", pulled, "--store", store);

            Assert.AreEqual(0, push.Code, push.Error);
            StringAssert.Contains(push.Output, "run fw-1.0:");
            Assert.AreEqual(0, ls.Code, ls.Error);
            StringAssert.Contains(ls.Output, "fw-1.0  rig sim  2/2 cells  simulated");
            Assert.AreEqual(0, pull.Code, pull.Error);
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(SampleRuns.Original, "results.json")), File.ReadAllBytes(Path.Combine(pulled, "results.json")));
            Assert.AreEqual((int)ExitCode.InvalidInput, missing.Code);
            StringAssert.Contains(missing.Error, "has no run 'no-such-run'");

            Environment.SetEnvironmentVariable("AWS_PROFILE", "no-such-profile");
            var noKeys = Run("store", "ls", "--store", store);
            Assert.AreEqual((int)ExitCode.InvalidInput, noKeys.Code, noKeys.Output + noKeys.Error);
            StringAssert.StartsWith(noKeys.Error, "error: ");
            StringAssert.Contains(noKeys.Error, "AWS_PROFILE");
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        int code = EdgeCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
