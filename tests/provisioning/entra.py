"""Request bodies as Microsoft Entra ID sends them, in the shapes its documentation gives ("Develop a SCIM
endpoint", request and response examples; and "Known issues and resolutions with SCIM 2.0 protocol
compliance", for the PATCH forms Entra sends without its aadOptscim062020 flag)."""

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


def create_user(
    user_name="Test_User_ab6490ee@testuser.com", external_id="0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"
):
    return {
        "schemas": [USER, ENTERPRISE],
        "externalId": external_id,
        "userName": user_name,
        "active": True,
        "emails": [{"primary": True, "type": "work", "value": user_name}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": "Morag Fraser", "familyName": "Fraser", "givenName": "Morag"},
        "roles": [],
        ENTERPRISE: {"department": "Family support"},
    }


def patch(*operations):
    return {"schemas": [PATCH], "Operations": list(operations)}


def disable_user(value=False):
    """Entra's documented "Disable user"; `"False"` is what it sends without the compliance flag."""
    return patch({"op": "Replace", "path": "active", "value": value})


def update_user_multi_valued(email, family_name):
    return patch(
        {"op": "Replace", "path": 'emails[type eq "work"].value', "value": email},
        {"op": "Replace", "path": "name.familyName", "value": family_name},
    )


def update_user_without_path(**values):
    """Entra's non-compliant form: one Replace without a path, its value a map of attribute paths."""
    return patch({"op": "Replace", "value": values})


def create_group(display_name="Family support", external_id="8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"):
    return {
        "schemas": [GROUP, "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
        "externalId": external_id,
        "displayName": display_name,
        "meta": {"resourceType": "Group"},
    }


def add_members(*ids):
    return patch({"op": "Add", "path": "members", "value": [{"$ref": None, "value": i} for i in ids]})


def remove_members(*ids):
    return patch({"op": "Remove", "path": "members", "value": [{"$ref": None, "value": i} for i in ids]})
