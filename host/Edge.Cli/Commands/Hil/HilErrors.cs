using Edge.Hil.Inputs;
using Edge.Hil.Rigs;

namespace Edge.Cli.Commands.Hil;

/// <summary>The harness's input errors as one `error:` line with the input exit code; the rest CommandRunner maps.</summary>
internal static class HilErrors
{
    public static ExitCode Run(Func<Task<ExitCode>> body)
    {
        try
        {
            return body().GetAwaiter().GetResult();
        }
        catch (HilInputException e)
        {
            throw new UserFacingException(e.Message, ExitCode.InvalidInput, e);
        }
        catch (RigException e)
        {
            throw new UserFacingException(e.Message, ExitCode.InvalidInput, e);
        }
    }
}
