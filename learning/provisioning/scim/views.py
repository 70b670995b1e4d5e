"""django-scim2's views, with one change: a body must be a JSON object in UTF-8, or the answer is a SCIM 400
(the library would fail on a JSON list or on bytes that are not UTF-8, with a 500)."""

from django_scim import views
from django_scim.exceptions import BadRequestError


class ObjectBody:
    def load_body(self, body):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadRequestError("The body is not UTF-8.", scim_type="invalidSyntax") from exc
        data = super().load_body(body)
        if not isinstance(data, dict):
            raise BadRequestError("The body must be a JSON object.", scim_type="invalidSyntax")
        return data


class UsersView(ObjectBody, views.UsersView):
    pass


class GroupsView(ObjectBody, views.GroupsView):
    pass
