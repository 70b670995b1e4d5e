"""Certificate pages: My certificates, downloads, the public verify page, and managing by leads."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from learning.core.errors import ServiceError

from . import badges, selectors, services
from .backfill import certificate_pdf_ensure
from .forms import ReasonForm, VerifyForm
from .models import Certificate
from .pdf import verify_url


def _certificate(request, code, perm="certificates.view_certificate"):
    certificate = get_object_or_404(Certificate.objects.select_related("completion__module"), code=code)
    if not request.user.has_perm(perm, certificate):
        raise Http404  # do not reveal that the code exists
    return certificate


@login_required
def my_certificates(request):
    return render(
        request,
        "certificates/my_certificates.html",
        {"certificates": selectors.certificates_for_user(user=request.user)},
    )


@login_required
def certificate_status(request, module_id):
    """JSON for the quiz result page's progress indicator: the signed-in person's own way from a module to
    its certificate (certificates/templatetags/certificate_progress.py). 404 if they are not enrolled."""
    progress = selectors.certificate_progress(user=request.user, module_id=module_id)
    if progress is None:
        raise Http404
    return JsonResponse({"state": progress["state"], "links": progress["links"]})


@login_required
def certificate_page(request, code):
    """The certificate as an accessible web page: the alternative to the untagged PDF, for the same people."""
    certificate = _certificate(request, code)
    return render(
        request,
        "certificates/certificate.html",
        {
            "certificate": certificate,
            "status": certificate.display_status,
            "site_name": settings.SITE_NAME,
            "verify_url": verify_url(certificate.code),
        },
    )


@login_required
def certificate_pdf(request, code):
    certificate = certificate_pdf_ensure(certificate=_certificate(request, code))
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.code}.pdf",
        content_type="application/pdf",
    )


@login_required
def certificate_badge(request, code):
    certificate = _certificate(request, code)
    response = HttpResponse(badges.badge_jwt(certificate), content_type="application/jwt")
    response["Content-Disposition"] = f'attachment; filename="open-badge-{certificate.code}.jwt"'
    return response


@login_required
def certificate_manage(request, code):
    certificate = _certificate(request, code, perm="certificates.manage_certificate")
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        service = {"reissue": services.certificate_reissue, "revoke": services.certificate_revoke}.get(action)
        if service is None:
            raise PermissionDenied
        try:
            result = service(certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"])
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("Certificate re-issued.") if action == "reissue" else _("Certificate revoked.")
            )
            return redirect("certificate_manage", code=result.code)
    return render(
        request,
        "certificates/manage.html",
        {
            "certificate": certificate,
            "form": form,
            "events": certificate.events.select_related("actor"),
        },
    )


def _verify_context(certificate, badge_claims=None, badge_error=None):
    return {
        "certificate": certificate,
        "status": certificate.display_status if certificate else None,
        "badge_claims": badge_claims,
        "badge_error": badge_error,
    }


def _verify_rate(group, request):
    return settings.VERIFY_RATE_LIMIT


@ratelimit(key="ip", rate=_verify_rate, block=False)
def verify(request, code=None):
    """Public: is this certificate genuine and current? Shows only what a verifier needs."""
    if getattr(request, "limited", False):
        return render(
            request, "certificates/verify.html", {"form": VerifyForm(), "limited": True}, status=429
        )
    form = VerifyForm(request.POST or None)
    context = {"form": form, "searched": code is not None or request.method == "POST"}
    if code is not None:
        context.update(_verify_context(selectors.certificate_by_code(code=code)))
        if context["certificate"] is None:  # the same page, with a status an automated verifier can read
            return render(request, "certificates/verify.html", context, status=404)
    elif request.method == "POST" and form.is_valid():
        if form.cleaned_data["badge"]:
            try:
                claims = badges.badge_verify(form.cleaned_data["badge"])
            except badges.BadgeUnreadable:
                context.update(_verify_context(None, badge_error="unreadable"))
            except badges.BadgeInvalid:
                context.update(_verify_context(None, badge_error="signature"))
            else:
                context.update(
                    _verify_context(
                        selectors.certificate_by_code(code=badges.certificate_code(claims)),
                        badge_claims=claims,
                    )
                )
        else:
            context.update(_verify_context(selectors.certificate_by_code(code=form.cleaned_data["code"])))
    return render(request, "certificates/verify.html", context)


def jwks(request):
    return JsonResponse(badges.public_jwks())
