using Edge.Models.Boards;
using Edge.Models.Import;

namespace Edge.Cli.Commands.Model;

/// <summary>Turns the model library's user-fixable errors into <see cref="UserFacingException"/>s with their exit codes.</summary>
public static class ModelErrors
{
    public static ExitCode Run(Func<ExitCode> body)
    {
        try
        {
            return body();
        }
        catch (ModelImportException e)
        {
            throw new UserFacingException(e.Message, ExitCode.InvalidInput, e);
        }
        catch (MemoryBudgetException e)
        {
            throw new UserFacingException(e.Message, ExitCode.InvalidInput, e);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new UserFacingException(e.Message, ExitCode.Usage, e);
        }
    }
}
