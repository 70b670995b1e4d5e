"""The one error type services raise; views turn it into a clear message for the person."""


class ServiceError(Exception):
    def __init__(self, message, *, code="invalid"):
        super().__init__(message)
        self.message = message
        self.code = code
