"""The base of every SnippetViewSet of the project (a test checks): choosers held to the listing's rules, and
a delete screen that says what keeps an object instead of failing.

Choosers: Wagtail's chooser views ask only for admin access, so any editor could open the chooser of any
snippet model and read every organisation's people and invited addresses. Here each chooser view asks for
what the listing asks for (any of add, change, delete or view, from the model's permission policy; Wagtail
answers a refusal as on its other screens: to the admin's home, or 403 to a modal's XMLHttpRequest) and shows
only the rows the listing shows: the viewset's get_queryset(request), where a model's visibility is decided.
No chooser has a creation form (people and invitations are made through their services, content on its own
screens), so the chooser's "create" URL answers 404, where Wagtail's would fail with a server error."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.snippets.views import chooser
from wagtail.snippets.views import snippets as snippet_views

from .kept_records import kept_message, kept_reason


class ListingRules(PermissionCheckedMixin):
    any_permission_required = ["add", "change", "delete", "view"]  # as Wagtail's listing (IndexView)

    def listing_queryset(self):
        queryset = self.model_class.snippet_viewset.get_queryset(self.request)
        return self.model_class._default_manager.all() if queryset is None else queryset


class ChooseView(ListingRules, chooser.ChooseView):
    def get_object_list(self):
        return self.listing_queryset()


class ChooseResultsView(ListingRules, chooser.ChooseResultsView):
    def get_object_list(self):
        return self.listing_queryset()


class ChosenView(ListingRules, chooser.SnippetChosenView):
    def get_object(self, pk):
        try:
            return self.listing_queryset().get(pk=pk)  # not found: DoesNotExist, which Wagtail answers 404
        except (ValueError, ValidationError) as error:  # a pk of the wrong type, typed into the URL
            raise Http404 from error


class ChosenMultipleView(ListingRules, chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        try:
            return list(self.listing_queryset().filter(pk__in=pks))
        except (ValueError, ValidationError) as error:
            raise Http404 from error


class CreateView(ListingRules, chooser.SnippetCreateView):
    def get_creation_form(self):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().get_creation_form()


class ListingChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class DeleteView(snippet_views.DeleteView):
    """Wagtail's delete screen, which also says what keeps the object (kept_records.py) and then offers no
    "Yes, delete": Wagtail's own `is_protected` switch, which it sets only from its reference index."""

    @cached_property
    def kept_message(self):
        reason = kept_reason(self.object)
        return kept_message([reason], self.model) if reason else ""

    def get(self, request, *args, **kwargs):
        if self.kept_message:
            messages.error(request, self.kept_message)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        if self.kept_message:
            return redirect(self.request.get_full_path())  # the screen again, saying why
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.kept_message:  # no "Yes, delete", and no "referenced 0 times" beside the message
            context["is_protected"] = True
            context.pop("usage_url", None)
        return context


class ProjectSnippetViewSet(snippet_views.SnippetViewSet):
    chooser_viewset_class = ListingChooserViewSet
    delete_view_class = DeleteView
