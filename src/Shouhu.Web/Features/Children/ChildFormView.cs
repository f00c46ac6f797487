using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>What the shared child fields partial needs: the form, its errors and the residence picker.</summary>
public sealed record ChildFormView(ChildForm Form, ValidationErrors Errors, RegionPicker Picker);
