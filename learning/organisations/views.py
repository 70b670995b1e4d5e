"""Organisation pages for workforce leads and supervisors, and accepting an invitation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.core.errors import ServiceError
from learning.core.pagination import page_of

from . import selectors, services
from .forms import InvitationForm, StaffSearchForm
from .models import INVITATION_SESSION_KEY, Invitation, Organisation


@login_required
def organisation_home(request):
    organisations = list(selectors.organisations_led_by(user=request.user))
    if len(organisations) == 1:
        return redirect("organisation_staff", pk=organisations[0].pk)
    if not organisations:
        raise PermissionDenied
    return render(request, "organisations/choose.html", {"organisations": organisations})


@login_required
def organisation_staff(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not request.user.has_perm("organisations.view_staff", organisation):
        raise PermissionDenied
    form = StaffSearchForm(request.GET or None, organisation=organisation)
    staff = selectors.memberships_visible_to(user=request.user, organisation=organisation).order_by(
        "user__last_name", "user__first_name"
    )
    if form.is_valid():
        if query := form.cleaned_data["q"]:
            staff = staff.filter(
                Q(user__first_name__icontains=query)
                | Q(user__last_name__icontains=query)
                | Q(user__email__icontains=query)
            )
        if team := form.cleaned_data["team"]:
            staff = staff.filter(team=team)
    can_invite = request.user.has_perm("organisations.invite_people", organisation)
    invitations = selectors.invitations_waiting(organisation=organisation) if can_invite else None
    return render(
        request,
        "organisations/staff.html",
        {
            "organisation": organisation,
            "form": form,
            "page_obj": page_of(request, staff),
            "query_string": _query_without(request, "page"),
            "can_invite": can_invite,
            # the people invited and not yet joined: a list of their own, paged apart from the staff's;
            # read in one query (no separate count), as they are few beside the staff
            "invitations": page_of(request, list(invitations), param=INVITED_PAGE) if can_invite else None,
            "invited_page_param": INVITED_PAGE,
            "invited_query_string": _query_without(request, INVITED_PAGE),
        },
    )


INVITED_PAGE = "invited_page"


def _query_without(request, param):
    query = request.GET.copy()
    query.pop(param, None)
    return query.urlencode()


@login_required
def invitation_new(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not request.user.has_perm("organisations.invite_people", organisation):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, organisation=organisation)
    waiting = None
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                organisation=organisation, invited_by=request.user, **form.cleaned_data
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
            # refused because the address is invited already: the page offers to resend that invitation
            waiting = selectors.invitation_waiting_for(
                organisation=organisation, email=form.cleaned_data["email"]
            )
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
            return redirect("organisation_staff", pk=organisation.pk)
    return render(
        request,
        "organisations/invite.html",
        {
            "organisation": organisation,
            "form": form,
            "waiting": waiting,
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
    )


def _lead_answers(request, pk, invitation_id, service, done):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not request.user.has_perm("organisations.invite_people", organisation):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation.objects.unclosed(), pk=invitation_id, organisation=organisation)
    try:
        service(invitation=invitation)
    except ServiceError as exc:  # answered by the person a moment ago
        messages.error(request, exc.message)
    else:
        messages.success(request, done % {"email": invitation.email})
    return redirect("organisation_staff", pk=organisation.pk)


@login_required
@require_POST
def invitation_resend(request, pk, invitation_id):
    return _lead_answers(
        request, pk, invitation_id, services.invitation_resend, _("Invitation sent again to %(email)s.")
    )


@login_required
@require_POST
def invitation_cancel(request, pk, invitation_id):
    return _lead_answers(
        request, pk, invitation_id, services.invitation_cancel, _("Invitation to %(email)s cancelled.")
    )


def invitation_accept(request, token):
    """The invited person's page: what they are invited to, with Accept and Decline (POST; a GET changes
    nothing). Signed out, they sign in (an account exists for the address) or sign up with this address."""
    invitation = selectors.invitation_get_open(token=token)
    if invitation is None:
        messages.error(
            request,
            _("This invitation link has expired or was already used. Ask your workforce lead for a new one."),
        )
        return redirect("account_login")
    if not request.user.is_authenticated:
        if selectors.account_exists(email=invitation.email):
            messages.info(
                request, _("Sign in as %(email)s to see your invitation.") % {"email": invitation.email}
            )
            return redirect_to_login(request.get_full_path())
        request.session[INVITATION_SESSION_KEY] = token
        return redirect("account_signup")
    if request.user.email.lower() != invitation.email.lower():
        return render(request, "organisations/invitation.html", {"wrong_person": True}, status=403)
    if request.method == "POST":
        answers = {
            "accept": (services.invitation_accept, _("You have joined %(org)s.")),
            "decline": (services.invitation_decline, _("You declined the invitation to join %(org)s.")),
        }
        if request.POST.get("action") not in answers:
            return render(request, "organisations/invitation.html", {"invitation": invitation}, status=400)
        action = request.POST["action"]
        answer, done = answers[action]
        try:
            answer(invitation=invitation, user=request.user)
        except ServiceError as exc:
            messages.error(request, exc.message)
            return redirect("my_learning")
        messages.success(request, done % {"org": invitation.organisation})
        return redirect(settings.INVITATION_ACCEPTED_URL if action == "accept" else "my_learning")
    return render(request, "organisations/invitation.html", {"invitation": invitation})
