namespace GraphApi.Errors;

/// <summary>A validation failure of one input field (<c>password</c>, <c>items[2].quantity</c>), returned as data.</summary>
internal sealed record ValidationError(string Message, string Field);
